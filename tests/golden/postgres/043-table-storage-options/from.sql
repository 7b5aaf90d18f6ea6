CREATE TABLE public.t (id integer, v text);
