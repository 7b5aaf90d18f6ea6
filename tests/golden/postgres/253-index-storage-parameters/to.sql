CREATE TABLE public.t (id integer, a text, b text, c text, d text);
CREATE INDEX t_a_idx ON public.t (a) WITH (fillfactor = 80);
CREATE INDEX t_b_idx ON public.t (b) WITH (fillfactor = 70);
CREATE INDEX t_c_idx ON public.t (c) WITH (fillfactor = 60);
CREATE INDEX t_d_idx ON public.t (d) WITH (fillfactor = 90);
