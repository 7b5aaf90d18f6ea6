-- Objects created after ALTER DEFAULT PRIVILEGES start with what they give (PostgreSQL's
-- get_user_default_acl: the entry for every schema, plus the one IN SCHEMA of the object's
-- schema); entries FOR ROLE another role do not reach what the role running the
-- statements creates. A later REVOKE takes from what they gave.
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO app_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT DELETE ON TABLES TO app_writer;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT, UPDATE ON TABLES TO app_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO app_writer;
CREATE TABLE app.accounts (id integer PRIMARY KEY, email text NOT NULL);
REVOKE SELECT ON app.accounts FROM app_reader;
