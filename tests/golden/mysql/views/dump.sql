-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE customers (
  id int NOT NULL,
  name varchar(80) NOT NULL,
  town varchar(30),
  score bigint,
  PRIMARY KEY (id)
);

CREATE VIEW big_customers AS SELECT id, name, score FROM customers WHERE score > 1000;

CREATE VIEW city_counts AS SELECT town, count(*) AS n FROM customers GROUP BY town;

CREATE VIEW customer_names AS SELECT id, name FROM customers;

CREATE VIEW top_names AS SELECT name FROM big_customers;
