CREATE DOMAIN public.email AS text;
CREATE TABLE public.u (id integer, e public.email);
