CREATE TABLE public.t (id integer, updated_at timestamp);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;
CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE OF id ON public.t FOR EACH ROW WHEN (NEW.id IS NOT NULL) EXECUTE FUNCTION public.touch();
