CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.c (id integer, p_id integer);
