CREATE TABLE public.t (id integer, code text NOT NULL);
