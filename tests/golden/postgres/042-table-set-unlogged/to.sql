CREATE UNLOGGED TABLE public.scratch (k text, v text);
