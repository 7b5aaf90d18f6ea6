-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create sequence app.audit_id_seq
CREATE SEQUENCE app.audit_id_seq;

-- create sequence app.audit_id_seq
REVOKE USAGE ON SEQUENCE app.audit_id_seq FROM app_reader;

-- create sequence app.ticket
CREATE SEQUENCE app.ticket;

-- create sequence app.ticket
REVOKE USAGE ON SEQUENCE app.ticket FROM app_reader;

-- create table app.audit
CREATE TABLE app.audit (
    id bigint DEFAULT nextval('app.audit_id_seq'::regclass) NOT NULL,
    note text
);

-- create table app.audit
REVOKE INSERT ON TABLE app.audit FROM app_reader;

-- create table public.log
CREATE TABLE public.log (
    line text
);

-- create table public.log
REVOKE SELECT, INSERT ON TABLE public.log FROM app_reader;

-- create sequence app.audit_id_seq
ALTER SEQUENCE app.audit_id_seq OWNED BY app.audit.id;

-- create function app.count_accounts()
CREATE FUNCTION app.count_accounts() RETURNS bigint
    LANGUAGE sql
    AS $$SELECT count(*) FROM app.accounts$$;

-- create function app.count_accounts()
GRANT EXECUTE ON FUNCTION app.count_accounts() TO PUBLIC;

-- create function app.secret()
CREATE FUNCTION app.secret() RETURNS integer
    LANGUAGE sql
    AS $$SELECT 1$$;

-- create table app.audit
ALTER TABLE ONLY app.audit ADD CONSTRAINT audit_pkey PRIMARY KEY (id);

COMMIT;
