CREATE TABLE public.t (id integer, email text);
