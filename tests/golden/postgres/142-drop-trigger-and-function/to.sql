CREATE TABLE public.t (id integer, updated_at timestamp);
