-- schemerge dump (canonical schema)

SET check_function_bodies = false;

CREATE SCHEMA app;

GRANT USAGE ON SCHEMA app TO app_reader;

CREATE TYPE app.mood AS ENUM ('ok');

CREATE FUNCTION app.f() RETURNS integer
    LANGUAGE sql
    AS $$SELECT 1$$;

REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;

CREATE SEQUENCE app.items_id_seq
    AS integer;

GRANT USAGE ON SEQUENCE app.items_id_seq TO app_writer WITH GRANT OPTION;

CREATE TABLE app.items (
    id integer DEFAULT nextval('app.items_id_seq'::regclass) NOT NULL,
    name text
);

GRANT SELECT ON TABLE app.items TO app_reader;

GRANT UPDATE ON TABLE app.items TO app_writer;

CREATE TABLE public.notes (
    body text
);

GRANT SELECT, INSERT ON TABLE public.notes TO app_reader;

GRANT DELETE ON TABLE public.notes TO app_writer;

ALTER SEQUENCE app.items_id_seq OWNED BY app.items.id;

CREATE VIEW app.item_names AS
SELECT name FROM app.items;

GRANT SELECT, INSERT ON TABLE app.item_names TO app_reader;

GRANT UPDATE ON TABLE app.item_names TO app_writer;

ALTER TABLE ONLY app.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);

ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO app_reader;

ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO app_writer WITH GRANT OPTION;

ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO app_reader;

ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT UPDATE ON TABLES TO app_writer;
