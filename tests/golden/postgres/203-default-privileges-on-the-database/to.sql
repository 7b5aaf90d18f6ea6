-- New objects with their ACLs written explicitly, default privileges last (as pg_dump).
CREATE SCHEMA app;
CREATE TABLE app.accounts (id integer PRIMARY KEY, email text NOT NULL);
GRANT SELECT ON TABLE app.accounts TO app_reader;
CREATE TABLE app.audit (id bigserial PRIMARY KEY, note text);
GRANT SELECT ON TABLE app.audit TO app_reader;
GRANT UPDATE ON TABLE app.audit TO app_writer WITH GRANT OPTION;
CREATE TABLE public.log (line text);
CREATE SEQUENCE app.ticket;
CREATE FUNCTION app.count_accounts() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.accounts';
CREATE FUNCTION app.secret() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION app.secret() FROM PUBLIC;

ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT UPDATE ON TABLES TO app_writer WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO app_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT ALL ON TABLES TO app_writer;
