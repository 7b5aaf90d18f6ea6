-- schemerge migration plan

BEGIN;

-- create schema billing
CREATE SCHEMA billing;

-- create table billing.invoice
CREATE TABLE billing.invoice (
    id integer NOT NULL,
    t_id integer
);

-- create table billing.invoice
ALTER TABLE ONLY billing.invoice ADD CONSTRAINT invoice_pkey PRIMARY KEY (id);

-- create table billing.invoice
ALTER TABLE ONLY billing.invoice ADD CONSTRAINT invoice_t_id_fkey FOREIGN KEY (t_id) REFERENCES public.t(id);

COMMIT;
