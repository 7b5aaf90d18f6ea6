CREATE TYPE public.status AS ENUM ('a', 'b');
CREATE TABLE public.p (id integer PRIMARY KEY, s public.status DEFAULT 'a');
CREATE TABLE public.c (id serial PRIMARY KEY, p_id integer REFERENCES public.p (id));
CREATE INDEX c_p_id ON public.c (p_id);
CREATE VIEW public.v AS SELECT c.id, p.s FROM public.c JOIN public.p ON p.id = c.p_id;
CREATE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$SELECT x$$;
COMMENT ON TABLE public.p IS 'parents';
