CREATE TABLE public.t (id integer, flag bigint DEFAULT 1 NOT NULL);
