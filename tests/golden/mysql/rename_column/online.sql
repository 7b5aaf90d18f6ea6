-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- rename column people.display_name (was fullname); rename column people.email (was mail); alter type of column people.email
ALTER TABLE people
  RENAME COLUMN fullname TO display_name,
  CHANGE COLUMN mail email varchar(200),
  ALGORITHM=INPLACE, LOCK=NONE;
