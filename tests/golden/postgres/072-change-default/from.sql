CREATE TABLE public.t (id integer, retries integer DEFAULT 3);
