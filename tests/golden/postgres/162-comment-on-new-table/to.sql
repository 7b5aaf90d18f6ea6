CREATE TABLE public.t (id integer);
COMMENT ON TABLE public.t IS 'new';
COMMENT ON COLUMN public.t.id IS 'key';
