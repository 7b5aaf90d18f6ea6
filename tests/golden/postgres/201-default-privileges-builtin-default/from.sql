-- PostgreSQL's built-in defaults (EXECUTE for PUBLIC on functions, USAGE on types) are
-- where an entry for every schema starts: revoking them is an entry, granting them back is
-- none. The to side spells from's entries differently and adds one revoke.
CREATE TABLE public.t (id integer);
GRANT SELECT ON TABLE public.t TO app_reader;

ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;
