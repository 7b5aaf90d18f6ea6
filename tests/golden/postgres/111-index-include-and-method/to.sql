CREATE TABLE public.t (id integer, tags text[], v text);
CREATE INDEX t_tags ON public.t USING gin (tags);
CREATE INDEX t_id_cover ON public.t (id) INCLUDE (v);
