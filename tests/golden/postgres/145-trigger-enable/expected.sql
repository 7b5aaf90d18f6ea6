-- schemerge migration plan

BEGIN;

-- enable/disable trigger public.t.t_audit
ALTER TABLE public.t ENABLE TRIGGER t_audit;

COMMIT;
