CREATE TABLE public.doc (id integer, title text);
