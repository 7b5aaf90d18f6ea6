CREATE TABLE public.t (id integer, qty integer CHECK (qty >= 0));
