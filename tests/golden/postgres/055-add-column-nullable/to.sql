CREATE TABLE public.t (id integer, note text);
