CREATE TABLE public.t (id integer, price numeric);
COMMENT ON COLUMN public.t.id IS 'surrogate key';
