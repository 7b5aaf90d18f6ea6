-- schemerge migration plan

BEGIN;

-- create table public.t
CREATE TABLE public.t (
    id integer
);

-- create table public.t
COMMENT ON TABLE public.t IS 'new';

-- create table public.t
COMMENT ON COLUMN public.t.id IS 'key';

COMMIT;
