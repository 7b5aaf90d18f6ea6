CREATE TABLE public.t (id integer);
CREATE PROCEDURE public.purge(keep integer) LANGUAGE sql AS $$DELETE FROM public.t WHERE id > keep$$;
