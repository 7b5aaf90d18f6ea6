CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer NOT NULL, p_id integer REFERENCES public.p (id), note text, extra integer DEFAULT 0 NOT NULL);
CREATE UNIQUE INDEX c_id_key ON public.c (id);
