CREATE TABLE public.doc (id integer, owner_name text);
