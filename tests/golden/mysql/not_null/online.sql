-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- set not null on column accounts.login; drop not null on column accounts.nickname
--   hazard not-null-on-existing-column: column accounts.login becomes NOT NULL: existing NULLs make the statement fail (strict mode) or become the type's zero value
--   hazard table-rewrite: NOT NULL on accounts.login rebuilds the table
--   hazard table-rewrite: dropping NOT NULL on accounts.nickname rebuilds the table
ALTER TABLE accounts
  MODIFY COLUMN login varchar(40) NOT NULL,
  MODIFY COLUMN nickname varchar(40),
  ALGORITHM=INPLACE, LOCK=NONE;
