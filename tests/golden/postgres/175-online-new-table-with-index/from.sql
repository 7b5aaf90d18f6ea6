CREATE TABLE public.p (id integer PRIMARY KEY);
