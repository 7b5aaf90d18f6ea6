CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer, p_id integer NOT NULL REFERENCES public.p (id));
CREATE INDEX c_p_id_idx ON public.c (p_id);
