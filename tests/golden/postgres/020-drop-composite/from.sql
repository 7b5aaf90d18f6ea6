CREATE TYPE public.pair AS (a integer, b integer);
CREATE TABLE public.t (id integer);
