CREATE TABLE public.job (id integer, state text, run_at timestamp);
