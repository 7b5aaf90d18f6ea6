CREATE SCHEMA staging;
CREATE TABLE public.t (id integer);
