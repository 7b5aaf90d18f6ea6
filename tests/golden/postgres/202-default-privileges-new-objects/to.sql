-- The same, then new objects after the same and more default privileges: a table with a
-- serial (its sequence has its own kind), a REVOKE of what the defaults gave it, a column
-- grant, a view, a schema, a function and a domain after entries from's database lacks.
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO app_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT DELETE ON TABLES TO app_writer;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT, UPDATE ON TABLES TO app_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO app_writer;
CREATE TABLE app.accounts (id integer PRIMARY KEY, email text NOT NULL);
REVOKE SELECT ON app.accounts FROM app_reader;

CREATE TABLE app.audit (id serial PRIMARY KEY, account integer REFERENCES app.accounts, note text);
REVOKE UPDATE ON app.audit FROM app_writer;
GRANT SELECT (note) ON app.audit TO app_writer;
CREATE VIEW app.recent AS SELECT id, note FROM app.audit;
CREATE SCHEMA reports;
CREATE TABLE reports.daily (day date PRIMARY KEY);

ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO app_reader;
CREATE FUNCTION reports.total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.audit';
CREATE DOMAIN app.email AS text CHECK (VALUE LIKE '%@%');
