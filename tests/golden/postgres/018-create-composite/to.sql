CREATE TYPE public.address AS (street text, city text, zip varchar(10));
CREATE TABLE public.t (id integer, home public.address);
