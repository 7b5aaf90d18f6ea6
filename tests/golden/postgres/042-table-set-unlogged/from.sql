CREATE TABLE public.scratch (k text, v text);
