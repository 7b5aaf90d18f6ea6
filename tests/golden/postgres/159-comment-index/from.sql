CREATE TABLE public.t (id integer, email text);
CREATE INDEX t_email_idx ON public.t (email);
