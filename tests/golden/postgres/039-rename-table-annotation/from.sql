CREATE TABLE public.client (id integer, name text NOT NULL);
