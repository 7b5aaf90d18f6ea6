CREATE SEQUENCE public.t_id_seq AS integer;
CREATE TABLE public.t (id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL, name text);
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
