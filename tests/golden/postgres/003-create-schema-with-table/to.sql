CREATE TABLE public.t (id integer PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TABLE billing.invoice (
    id integer PRIMARY KEY,
    t_id integer REFERENCES public.t (id)
);
