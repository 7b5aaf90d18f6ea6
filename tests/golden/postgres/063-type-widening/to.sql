CREATE TABLE public.t (id bigint PRIMARY KEY, qty integer);
