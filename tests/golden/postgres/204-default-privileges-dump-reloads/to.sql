-- Objects created after ALTER DEFAULT PRIVILEGES (some ACLs changed again afterwards);
-- from.sql is `schemerge dump to.sql`: default privileges last (as pg_dump), so the ACLs
-- they gave are written explicitly. The plan is empty and both load into one catalog.
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO app_writer WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO app_reader;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT UPDATE ON TABLES TO app_writer;
CREATE TABLE app.items (id serial PRIMARY KEY, name text);
REVOKE INSERT ON app.items FROM app_reader;
CREATE VIEW app.item_names AS SELECT name FROM app.items;
CREATE TABLE public.notes (body text);
GRANT DELETE ON public.notes TO app_writer;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TYPE app.mood AS ENUM ('ok');
