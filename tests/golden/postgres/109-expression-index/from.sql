CREATE TABLE public.u (id integer, email text);
