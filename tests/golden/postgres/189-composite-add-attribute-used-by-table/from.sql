CREATE TYPE public.address AS (street text, city text);
CREATE TABLE public.customers (id integer PRIMARY KEY, home public.address);
CREATE VIEW public.cities AS SELECT id, (home).city AS city FROM public.customers;
