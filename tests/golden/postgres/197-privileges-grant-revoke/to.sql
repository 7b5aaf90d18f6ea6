-- The same objects, other privileges (statement order differs on purpose).
CREATE SCHEMA reporting;
CREATE SEQUENCE public.ticket_seq;
CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    balance numeric(12,2) NOT NULL DEFAULT 0
);
CREATE VIEW reporting.balances AS SELECT id, balance FROM public.accounts;
CREATE FUNCTION public.account_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.accounts';

REVOKE ALL ON FUNCTION public.account_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.account_count() TO app_reader;
GRANT USAGE, CREATE ON SCHEMA reporting TO app_reader;
GRANT UPDATE ON TABLE public.accounts TO app_writer;
GRANT INSERT, SELECT ON TABLE public.accounts TO app_writer;
GRANT SELECT ON TABLE public.accounts TO app_reader;
GRANT SELECT (id, email), UPDATE (email) ON TABLE public.accounts TO support;
GRANT SELECT ON TABLE reporting.balances TO app_reader;
GRANT USAGE, SELECT ON SEQUENCE public.ticket_seq TO app_writer;
