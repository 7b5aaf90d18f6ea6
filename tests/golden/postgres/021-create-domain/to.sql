CREATE DOMAIN public.positive_int AS integer CONSTRAINT positive_int_check CHECK (VALUE > 0);
CREATE TABLE public.t (id integer, qty public.positive_int);
