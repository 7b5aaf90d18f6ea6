CREATE TABLE public.t (id integer, name varchar(200));
