CREATE TABLE public.t (id integer, qty integer CONSTRAINT qty_nonnegative CHECK (qty >= 0));
