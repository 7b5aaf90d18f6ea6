-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE customers needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- replace view big_customers
--   hazard dependents-recreated: view big_customers is dropped before the tables it reads change and created again after
DROP VIEW big_customers;

-- replace view city_counts
--   hazard dependents-recreated: view city_counts is dropped before the tables it reads change and created again after
DROP VIEW city_counts;

-- drop view old_view
DROP VIEW old_view;

-- alter type of column customers.name; rename column customers.town (was city); alter type of column customers.score
--   hazard table-rewrite: column customers.name: varchar(50) -> varchar(80) rebuilds the table
--   hazard copy-algorithm: column customers.name: varchar(50) -> varchar(80) needs ALGORITHM=COPY
--   hazard table-rewrite: column customers.score: int -> bigint rebuilds the table
--   hazard copy-algorithm: column customers.score: int -> bigint needs ALGORITHM=COPY
ALTER TABLE customers
  MODIFY COLUMN name varchar(80) NOT NULL,
  RENAME COLUMN city TO town,
  MODIFY COLUMN score bigint;

-- replace view big_customers
CREATE VIEW big_customers AS SELECT id, name, score FROM customers WHERE score > 1000;

-- replace view city_counts
CREATE VIEW city_counts AS SELECT town, count(*) AS n FROM customers GROUP BY town;

-- create view top_names
CREATE VIEW top_names AS SELECT name FROM big_customers;
