-- schemerge migration plan

BEGIN;

-- add column musicbrainz.artist.sort_name
ALTER TABLE musicbrainz.artist ADD COLUMN sort_name text COLLATE pg_catalog."und-x-icu";

-- alter type of column musicbrainz.artist.name
--   hazard table-rewrite: indexes on column name of musicbrainz.artist are rebuilt
--   hazard access-exclusive-lock: table musicbrainz.artist is locked against reads and writes during the change
ALTER TABLE musicbrainz.artist ALTER COLUMN name TYPE text COLLATE public.musicbrainz USING name::text;

-- create index musicbrainz.artist_name_idx
--   hazard blocking-index-build: writes to musicbrainz.artist are blocked while the index is built
CREATE INDEX artist_name_idx ON musicbrainz.artist USING btree (name COLLATE public.musicbrainz);

COMMIT;
