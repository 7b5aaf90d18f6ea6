-- Privileges on every kind that has them; each changes in to.sql.
CREATE SCHEMA reporting;
CREATE SEQUENCE public.ticket_seq;
CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    balance numeric(12,2) NOT NULL DEFAULT 0
);
CREATE VIEW reporting.balances AS SELECT id, balance FROM public.accounts;
CREATE FUNCTION public.account_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.accounts';

GRANT USAGE ON SCHEMA public TO app_reader;
GRANT USAGE ON SCHEMA reporting TO app_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.accounts TO app_writer;
GRANT SELECT ON TABLE public.accounts TO app_reader WITH GRANT OPTION;
GRANT SELECT ON TABLE reporting.balances TO PUBLIC;
GRANT USAGE ON SEQUENCE public.ticket_seq TO app_writer;
