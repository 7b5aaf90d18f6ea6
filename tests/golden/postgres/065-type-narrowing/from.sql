CREATE TABLE public.t (id integer, code text, amount numeric(12,2));
