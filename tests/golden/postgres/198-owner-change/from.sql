-- Owners: one changes, a new table gets its owner, grants on the new table come with it.
CREATE TABLE public.invoices (id integer PRIMARY KEY, total numeric(10,2));
ALTER TABLE public.invoices OWNER TO billing;
CREATE FUNCTION public.invoice_total(i integer) RETURNS numeric LANGUAGE sql
    AS 'SELECT total FROM public.invoices WHERE id = i';
ALTER FUNCTION public.invoice_total(integer) OWNER TO billing;
