-- schemerge migration plan

BEGIN;

-- alter type of column public.t.name
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN name TYPE character varying(200) USING name::character varying(200);

COMMIT;
