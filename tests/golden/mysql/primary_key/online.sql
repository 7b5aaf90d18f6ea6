-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- add constraint tags.PRIMARY; drop constraint tags.PRIMARY
--   hazard table-rewrite: dropping the primary key of tags rebuilds the table
--   hazard table-rewrite: adding the primary key of tags rebuilds the table
--   hazard validation-scan: the new primary key of tags fails on duplicate or NULL values
ALTER TABLE tags
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (name,kind),
  ALGORITHM=INPLACE, LOCK=NONE;
