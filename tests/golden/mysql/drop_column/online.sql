-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop column items.legacy_code; drop index items.idx_legacy
--   hazard data-loss: column items.legacy_code and its values are dropped
ALTER TABLE items
  DROP INDEX idx_legacy,
  DROP COLUMN legacy_code,
  ALGORITHM=INPLACE, LOCK=NONE;
