-- schemerge migration plan

BEGIN;

-- alter sequence public.t_id_seq
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

COMMIT;
