CREATE SCHEMA musicbrainz;
CREATE COLLATION public.musicbrainz (provider = icu, locale = 'und');

SET search_path = musicbrainz, public;

CREATE TABLE artist (
    id integer NOT NULL,
    name text COLLATE musicbrainz NOT NULL,
    sort_name text COLLATE "und-x-icu"
);

CREATE INDEX artist_name_idx ON artist (name COLLATE musicbrainz);
