CREATE TABLE customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(80) NOT NULL,
  -- schemerge:renamed-from city
  town varchar(30),
  score bigint
);
CREATE VIEW customer_names AS SELECT id, name FROM customers;
CREATE VIEW big_customers AS SELECT id, name, score FROM customers WHERE score > 1000;
CREATE VIEW city_counts AS SELECT town, count(*) AS n FROM customers GROUP BY town;
CREATE VIEW top_names AS SELECT name FROM big_customers;
