CREATE TABLE public.t (id integer, price numeric);
COMMENT ON COLUMN public.t.price IS 'in cents';
