CREATE TABLE public.t (id integer, active boolean DEFAULT true NOT NULL);
