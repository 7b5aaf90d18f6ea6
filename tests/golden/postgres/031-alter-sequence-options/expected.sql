-- schemerge migration plan

BEGIN;

-- alter sequence public.s
ALTER SEQUENCE public.s INCREMENT BY 5 MAXVALUE 100000 CACHE 20 CYCLE;

COMMIT;
