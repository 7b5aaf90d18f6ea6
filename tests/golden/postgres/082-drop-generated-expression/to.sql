CREATE TABLE public.t (w integer, h integer, area integer);
