CREATE TABLE public.t (id integer, code varchar(10), amount numeric(8,2));
