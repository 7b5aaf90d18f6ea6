-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- set default of column settings.theme; drop default of column settings.retries; set default of column settings.flag
ALTER TABLE settings
  ALTER COLUMN theme SET DEFAULT 'dark',
  ALTER COLUMN retries DROP DEFAULT,
  ALTER COLUMN flag SET DEFAULT '1',
  ALGORITHM=INSTANT;
