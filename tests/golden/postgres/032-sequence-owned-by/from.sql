CREATE TABLE public.t (id integer NOT NULL);
CREATE SEQUENCE public.t_id_seq AS integer;
