-- schemerge migration plan

BEGIN;

-- create extension citext
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

-- add column public.users.email
ALTER TABLE public.users ADD COLUMN email public.citext;

COMMIT;
