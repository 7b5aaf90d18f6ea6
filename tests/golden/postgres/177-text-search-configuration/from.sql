CREATE TABLE public.doc (id integer, body text);
