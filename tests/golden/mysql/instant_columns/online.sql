-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE tags builds a FULLTEXT or SPATIAL index (or rebuilds the table with one): in place, but writes wait (LOCK=SHARED)

-- each step commits on its own:

-- add column accounts.email; add column accounts.created_at; drop column accounts.legacy_flag; rename column accounts.display_name (was fullname); set default of column accounts.plan
--   hazard data-loss: column accounts.legacy_flag and its values are dropped
ALTER TABLE accounts
  DROP COLUMN legacy_flag,
  RENAME COLUMN fullname TO display_name,
  ALTER COLUMN plan SET DEFAULT 'basic',
  ADD COLUMN email varchar(255) AFTER login,
  ADD COLUMN created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ALGORITHM=INSTANT;

-- drop column events.kind; drop index events.idx_kind
--   hazard data-loss: column events.kind and its values are dropped
ALTER TABLE events
  DROP INDEX idx_kind,
  DROP COLUMN kind,
  ALGORITHM=INPLACE, LOCK=NONE;

-- add column tags.color
ALTER TABLE tags
  ADD COLUMN color varchar(7),
  ALGORITHM=INPLACE, LOCK=SHARED;
