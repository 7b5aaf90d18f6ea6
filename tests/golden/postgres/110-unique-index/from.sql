CREATE TABLE public.u (id integer, email text);
CREATE INDEX u_email ON public.u (email);
