CREATE TYPE public.floatrange AS RANGE (subtype = double precision, subtype_diff = float8mi);
CREATE TABLE public.t (id integer, span public.floatrange);
