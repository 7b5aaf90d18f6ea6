CREATE TABLE public.t (id integer, legacy text, v integer);
