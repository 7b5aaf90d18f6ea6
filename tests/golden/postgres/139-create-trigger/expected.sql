-- schemerge migration plan

BEGIN;

-- create trigger public.t.t_touch
CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();

COMMIT;
