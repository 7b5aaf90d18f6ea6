-- schemerge migration plan

BEGIN;

-- drop trigger public.t.t_touch
DROP TRIGGER t_touch ON public.t;

COMMIT;
