CREATE TABLE public.t (id integer, qty integer CONSTRAINT qty_positive CHECK (qty > 0));
