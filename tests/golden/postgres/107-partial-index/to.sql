CREATE TABLE public.job (id integer, state text, run_at timestamp);
CREATE INDEX job_pending ON public.job (run_at) WHERE state = 'pending';
