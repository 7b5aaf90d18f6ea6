-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create schema reports
CREATE SCHEMA reports;

-- create type app.email
CREATE DOMAIN app.email AS text
    CONSTRAINT email_check CHECK (value LIKE '%@%');

-- create type app.email
GRANT USAGE ON DOMAIN app.email TO app_reader;

-- create sequence app.audit_id_seq
CREATE SEQUENCE app.audit_id_seq
    AS integer;

-- create table app.audit
CREATE TABLE app.audit (
    id integer DEFAULT nextval('app.audit_id_seq'::regclass) NOT NULL,
    account integer,
    note text
);

-- create table app.audit
REVOKE UPDATE ON TABLE app.audit FROM app_writer;

-- create table app.audit
GRANT SELECT (note) ON TABLE app.audit TO app_writer;

-- create table reports.daily
CREATE TABLE reports.daily (
    day date NOT NULL
);

-- create sequence app.audit_id_seq
ALTER SEQUENCE app.audit_id_seq OWNED BY app.audit.id;

-- create function reports.total()
CREATE FUNCTION reports.total() RETURNS bigint
    LANGUAGE sql
    AS $$SELECT count(*) FROM app.audit$$;

-- create function reports.total()
REVOKE EXECUTE ON FUNCTION reports.total() FROM PUBLIC;

-- create table app.audit
ALTER TABLE ONLY app.audit ADD CONSTRAINT audit_pkey PRIMARY KEY (id);

-- create table reports.daily
ALTER TABLE ONLY reports.daily ADD CONSTRAINT daily_pkey PRIMARY KEY (day);

-- create view app.recent
CREATE VIEW app.recent AS
SELECT id, note FROM app.audit;

-- create table app.audit
ALTER TABLE ONLY app.audit ADD CONSTRAINT audit_account_fkey FOREIGN KEY (account) REFERENCES app.accounts(id);

-- set default privileges on functions
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- set default privileges on types
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO app_reader;

COMMIT;
