CREATE TABLE public.p (id integer, code text);
CREATE TABLE public.c (id integer, p_code text);
