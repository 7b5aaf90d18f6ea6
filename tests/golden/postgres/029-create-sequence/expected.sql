-- schemerge migration plan

BEGIN;

-- create sequence public.invoice_no
CREATE SEQUENCE public.invoice_no
    START WITH 1000
    INCREMENT BY 10;

COMMIT;
