-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE profiles needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- add column profiles.locale; alter type of column profiles.score; move column profiles.score; move column profiles.avatar
--   hazard table-rewrite: moving column profiles.score rebuilds the table
--   hazard copy-algorithm: column profiles.score: int -> bigint needs ALGORITHM=COPY
--   hazard table-rewrite: moving column profiles.avatar rebuilds the table
ALTER TABLE profiles
  MODIFY COLUMN score bigint NOT NULL DEFAULT '0' AFTER id,
  MODIFY COLUMN avatar varchar(200) AFTER score,
  ADD COLUMN locale varchar(10) DEFAULT 'en' AFTER bio;
