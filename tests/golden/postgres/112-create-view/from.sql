CREATE TABLE public.t (id integer, active boolean);
