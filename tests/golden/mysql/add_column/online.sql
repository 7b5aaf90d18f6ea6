-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- add column users.name; add column users.created_at
ALTER TABLE users
  ADD COLUMN name varchar(100) NOT NULL DEFAULT '' AFTER id,
  ADD COLUMN created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;
