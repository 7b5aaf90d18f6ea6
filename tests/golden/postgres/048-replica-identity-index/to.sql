CREATE TABLE public.t (id integer NOT NULL, v text);
CREATE UNIQUE INDEX t_id_key ON public.t (id);
ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_id_key;
