CREATE TABLE public.t (id integer, email text);
CREATE INDEX t_email_lookup ON public.t (email);
