CREATE TABLE public.a (id integer PRIMARY KEY);
