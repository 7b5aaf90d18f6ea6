CREATE TABLE public.t (id integer, zip text);
