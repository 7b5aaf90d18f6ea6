CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer, p_id integer CONSTRAINT c_p_fk REFERENCES public.p (id) ON DELETE CASCADE);
