-- schemerge migration plan

BEGIN;

-- enable/disable trigger public.t.t_audit
ALTER TABLE public.t DISABLE TRIGGER t_audit;

COMMIT;
