-- schemerge migration plan

BEGIN;

-- set privileges on schema public
REVOKE USAGE ON SCHEMA public FROM app_reader;

-- set privileges on schema reporting
GRANT CREATE ON SCHEMA reporting TO app_reader;

-- set privileges on sequence public.ticket_seq
GRANT SELECT ON SEQUENCE public.ticket_seq TO app_writer;

-- set privileges on table public.accounts
REVOKE GRANT OPTION FOR SELECT ON TABLE public.accounts FROM app_reader;

-- set privileges on table public.accounts
REVOKE DELETE ON TABLE public.accounts FROM app_writer;

-- set privileges on table public.accounts
GRANT SELECT (email, id), UPDATE (email) ON TABLE public.accounts TO support;

-- set privileges on view reporting.balances
REVOKE SELECT ON TABLE reporting.balances FROM PUBLIC;

-- set privileges on view reporting.balances
GRANT SELECT ON TABLE reporting.balances TO app_reader;

-- set privileges on function public.account_count()
REVOKE EXECUTE ON FUNCTION public.account_count() FROM PUBLIC;

-- set privileges on function public.account_count()
GRANT EXECUTE ON FUNCTION public.account_count() TO app_reader;

COMMIT;
