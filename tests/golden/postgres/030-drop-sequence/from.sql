CREATE SEQUENCE public.old_counter;
CREATE TABLE public.t (id integer);
