CREATE TABLE public.t (id integer, qty integer);
ALTER TABLE public.t ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
