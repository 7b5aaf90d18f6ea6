-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE posts builds a FULLTEXT or SPATIAL index (or rebuilds the table with one): in place, but writes wait (LOCK=SHARED)

-- each step commits on its own:

-- create index posts.ft_body; create index posts.idx_author; create index posts.idx_body_prefix; create index posts.uq_slug; drop index posts.idx_author; drop index posts.idx_created
--   hazard table-rewrite: the fulltext index ft_body may rebuild the table
--   hazard validation-scan: unique index uq_slug fails on duplicate values
ALTER TABLE posts
  DROP INDEX idx_author,
  DROP INDEX idx_created,
  ADD FULLTEXT KEY ft_body (body),
  ADD KEY idx_author (author,created DESC),
  ADD KEY idx_body_prefix (body(20)) COMMENT 'prefix',
  ADD UNIQUE KEY uq_slug (slug),
  ALGORITHM=INPLACE, LOCK=SHARED;
