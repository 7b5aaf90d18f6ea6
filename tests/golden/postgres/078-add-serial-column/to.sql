CREATE TABLE public.t (id serial NOT NULL, v text);
