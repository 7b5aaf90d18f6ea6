CREATE TABLE public.t (a integer);
