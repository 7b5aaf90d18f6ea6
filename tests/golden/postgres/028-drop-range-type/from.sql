CREATE TYPE public.floatrange AS RANGE (subtype = double precision);
