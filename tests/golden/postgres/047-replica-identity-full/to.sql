CREATE TABLE public.t (id integer, v text);
ALTER TABLE public.t REPLICA IDENTITY FULL;
