CREATE TABLE public.t (id integer, email text);
CREATE INDEX t_email_idx ON public.t (email);
COMMENT ON INDEX public.t_email_idx IS 'login lookup';
