CREATE SEQUENCE public.invoice_no START WITH 1000 INCREMENT BY 10;
CREATE TABLE public.t (id integer);
