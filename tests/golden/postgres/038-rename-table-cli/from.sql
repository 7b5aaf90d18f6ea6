CREATE TABLE public.client (id integer PRIMARY KEY, name text NOT NULL);
