CREATE TABLE public.t (id integer);
CREATE SCHEMA audit;
