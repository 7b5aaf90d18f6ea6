CREATE TABLE public.p (id integer, code text UNIQUE);
CREATE TABLE public.c (id integer, p_code text REFERENCES public.p (code));
