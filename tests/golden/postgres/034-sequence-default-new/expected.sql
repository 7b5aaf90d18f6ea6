-- schemerge migration plan

BEGIN;

-- create sequence public.t_id_seq
CREATE SEQUENCE public.t_id_seq
    AS integer;

-- set default of column public.t.id
ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

-- create sequence public.t_id_seq
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

COMMIT;
