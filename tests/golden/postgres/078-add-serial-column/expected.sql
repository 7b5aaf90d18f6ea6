-- schemerge migration plan

BEGIN;

-- create sequence public.t_id_seq
CREATE SEQUENCE public.t_id_seq
    AS integer;

-- add column public.t.id
--   hazard table-rewrite: table public.t is rewritten to fill column id (volatile default, identity or stored generated column)
--   hazard access-exclusive-lock: table public.t is locked against reads and writes while it is rewritten
ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

-- create sequence public.t_id_seq
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

COMMIT;
