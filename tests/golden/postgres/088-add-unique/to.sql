CREATE TABLE public.u (id integer, email text, CONSTRAINT u_email_key UNIQUE (email));
