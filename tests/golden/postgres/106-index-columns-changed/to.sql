CREATE TABLE public.t (a integer, b integer, c integer);
CREATE INDEX t_ab ON public.t (a, b DESC, c);
