CREATE TABLE public.b (id integer PRIMARY KEY, a_id integer);
