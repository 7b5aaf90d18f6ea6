-- schemerge migration plan

BEGIN;

-- drop trigger public.t.t_touch
DROP TRIGGER t_touch ON public.t;

-- create trigger public.t.t_touch
CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE OF id ON public.t FOR EACH ROW WHEN (new.id IS NOT NULL) EXECUTE FUNCTION public.touch();

COMMIT;
