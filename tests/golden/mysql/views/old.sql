CREATE TABLE customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  city varchar(30),
  score int
);
CREATE VIEW customer_names AS SELECT id, name FROM customers;
CREATE VIEW big_customers AS SELECT id, name, score FROM customers WHERE score > 100;
CREATE VIEW city_counts AS SELECT city, count(*) AS n FROM customers GROUP BY city;
CREATE VIEW old_view AS SELECT id FROM customers;
