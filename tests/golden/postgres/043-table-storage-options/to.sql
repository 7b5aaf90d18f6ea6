CREATE TABLE public.t (id integer, v text) WITH (fillfactor = 70, autovacuum_enabled = false);
