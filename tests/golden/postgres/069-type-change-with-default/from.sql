CREATE TABLE public.t (id integer, flag integer DEFAULT 0 NOT NULL);
