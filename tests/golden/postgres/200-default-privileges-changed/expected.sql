-- schemerge migration plan

BEGIN;

-- create table app.audit
CREATE TABLE app.audit (
    id integer NOT NULL,
    note text
);

-- create table app.audit
ALTER TABLE ONLY app.audit ADD CONSTRAINT audit_pkey PRIMARY KEY (id);

-- set default privileges for role app_owner on functions
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- set default privileges for role app_owner on functions
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT EXECUTE ON FUNCTIONS TO app_writer;

-- set default privileges for role app_owner on schemas
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner REVOKE USAGE ON SCHEMAS FROM app_reader;

-- set default privileges for role app_owner on sequences
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT SELECT, USAGE ON SEQUENCES TO app_reader;

-- set default privileges for role app_owner on sequences
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT SELECT ON SEQUENCES TO app_writer;

-- set default privileges in schema app on types
ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE USAGE ON TYPES FROM app_reader;

-- set default privileges for role app_owner in schema app on tables
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA app REVOKE GRANT OPTION FOR SELECT ON TABLES FROM app_reader;

-- set default privileges for role app_owner in schema app on tables
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA app GRANT DELETE ON TABLES TO app_writer;

COMMIT;
