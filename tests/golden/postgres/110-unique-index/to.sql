CREATE TABLE public.u (id integer, email text);
CREATE UNIQUE INDEX u_email ON public.u (email);
