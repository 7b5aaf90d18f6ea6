-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- add column people.display_name; add column people.email; drop column people.fullname; drop column people.mail
--   hazard data-loss: column people.fullname and its values are dropped
--   hazard data-loss: column people.mail and its values are dropped
ALTER TABLE people
  DROP COLUMN fullname,
  DROP COLUMN mail,
  ADD COLUMN display_name varchar(100) NOT NULL AFTER id,
  ADD COLUMN email varchar(200);
