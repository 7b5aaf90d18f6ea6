CREATE TABLE public.t (id integer, email text);
-- schemerge:renamed-from t_email_idx
CREATE INDEX t_email_lookup ON public.t (email);
