CREATE TABLE public.t (id integer, fullname text NOT NULL);
