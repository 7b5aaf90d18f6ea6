CREATE DOMAIN public.email AS text NOT NULL;
CREATE TABLE public.u (id integer, e public.email);
