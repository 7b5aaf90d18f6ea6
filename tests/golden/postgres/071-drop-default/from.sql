CREATE TABLE public.t (id integer, created_at timestamp DEFAULT now());
