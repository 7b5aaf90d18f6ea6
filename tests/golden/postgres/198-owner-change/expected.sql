-- schemerge migration plan

BEGIN;

-- create table public.payments
CREATE TABLE public.payments (
    id integer NOT NULL,
    invoice_id integer
);

-- create table public.payments
ALTER TABLE public.payments OWNER TO finance;

-- create table public.payments
ALTER TABLE ONLY public.payments ADD CONSTRAINT payments_pkey PRIMARY KEY (id);

-- create table public.payments
ALTER TABLE ONLY public.payments ADD CONSTRAINT payments_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES public.invoices(id);

-- set owner of table public.invoices
ALTER TABLE public.invoices OWNER TO finance;

COMMIT;
