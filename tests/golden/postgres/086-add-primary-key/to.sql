CREATE TABLE public.t (id integer PRIMARY KEY, v text);
