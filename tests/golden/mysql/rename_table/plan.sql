-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop constraint invoices.fk_invoice_client
ALTER TABLE invoices
  DROP FOREIGN KEY fk_invoice_client;

-- drop table clients
--   hazard data-loss: table clients and its rows are dropped
DROP TABLE clients;

-- create table customers
CREATE TABLE customers (
  id int NOT NULL,
  name varchar(50) NOT NULL,
  vip tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
);

-- add constraint invoices.fk_invoice_client
--   hazard validation-scan: foreign key fk_invoice_client is checked against every row of invoices
--   hazard copy-algorithm: adding foreign key fk_invoice_client with foreign_key_checks on needs ALGORITHM=COPY
ALTER TABLE invoices
  ADD CONSTRAINT fk_invoice_client FOREIGN KEY (client_id) REFERENCES customers (id);
