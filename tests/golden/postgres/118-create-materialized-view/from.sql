CREATE TABLE public.sale (id integer, amount numeric);
