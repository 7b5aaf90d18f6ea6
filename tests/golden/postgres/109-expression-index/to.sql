CREATE TABLE public.u (id integer, email text);
CREATE INDEX u_lower_email ON public.u (lower(email));
