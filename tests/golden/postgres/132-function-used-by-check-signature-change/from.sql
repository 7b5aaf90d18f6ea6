CREATE FUNCTION public.is_valid(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT v > 0$$;
CREATE TABLE public.t (id integer, v integer CONSTRAINT t_v_valid CHECK (public.is_valid(v)));
