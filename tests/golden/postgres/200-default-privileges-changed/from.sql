-- Default privileges (ALTER DEFAULT PRIVILEGES) for a role, in a schema and everywhere; each
-- entry changes in to.sql. Written after the objects, as pg_dump does.
CREATE SCHEMA app;
CREATE TABLE app.accounts (id integer PRIMARY KEY, email text NOT NULL);
GRANT SELECT ON TABLE app.accounts TO app_reader;

ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA app GRANT SELECT, INSERT, UPDATE ON TABLES TO app_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA app GRANT SELECT ON TABLES TO app_reader WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT USAGE ON SEQUENCES TO app_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO app_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT USAGE ON SCHEMAS TO app_reader;
