CREATE TABLE public.t (w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED);
