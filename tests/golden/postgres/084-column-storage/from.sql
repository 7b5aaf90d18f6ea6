CREATE TABLE public.t (id integer, blob text);
