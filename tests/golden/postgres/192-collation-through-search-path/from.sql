-- An unqualified COLLATE under SET search_path = musicbrainz, public names the first
-- schema of the path holding that collation (here public), never a guessed pg_catalog.
CREATE SCHEMA musicbrainz;
CREATE COLLATION public.musicbrainz (provider = icu, locale = 'und');

SET search_path = musicbrainz, public;

CREATE TABLE artist (
    id integer NOT NULL,
    name text NOT NULL
);
