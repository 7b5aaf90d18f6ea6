CREATE TABLE public.t (id integer, qty integer);
