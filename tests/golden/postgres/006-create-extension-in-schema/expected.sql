-- schemerge migration plan

BEGIN;

-- create schema ext
CREATE SCHEMA ext;

-- create extension hstore
CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA ext;

-- add column public.t.attrs
ALTER TABLE public.t ADD COLUMN attrs ext.hstore;

COMMIT;
