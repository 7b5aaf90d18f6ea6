CREATE TABLE public.doc (id integer);
