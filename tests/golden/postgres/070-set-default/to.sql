CREATE TABLE public.t (id integer, status text DEFAULT 'draft');
