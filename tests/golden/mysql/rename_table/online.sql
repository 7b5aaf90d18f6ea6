-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- rename table customers (was clients)
RENAME TABLE clients TO customers;

-- add column customers.vip
ALTER TABLE customers
  ADD COLUMN vip tinyint(1) NOT NULL DEFAULT '0',
  ALGORITHM=INSTANT;
