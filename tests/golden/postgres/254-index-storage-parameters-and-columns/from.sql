CREATE TABLE public.t (id integer, a text, b text);
CREATE INDEX t_a_idx ON public.t (a) WITH (fillfactor = 70);
