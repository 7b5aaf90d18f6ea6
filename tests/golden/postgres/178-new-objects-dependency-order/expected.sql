-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create schema app
CREATE SCHEMA app;

-- create type app.label
CREATE DOMAIN app.label AS text
    CONSTRAINT label_check CHECK (length(value) < 80);

-- create type app.state
CREATE TYPE app.state AS ENUM ('open', 'closed');

-- create sequence app.ticket_no
CREATE SEQUENCE app.ticket_no;

-- create function app.next_ticket()
CREATE FUNCTION app.next_ticket() RETURNS bigint
    LANGUAGE sql
    AS $$SELECT nextval('app.ticket_no')$$;

-- create table app.ticket
CREATE TABLE app.ticket (
    id bigint DEFAULT app.next_ticket() NOT NULL,
    state app.state DEFAULT 'open' NOT NULL,
    title app.label
);

-- create function app.ticket_guard()
CREATE FUNCTION app.ticket_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN RETURN NEW; END$$;

-- create table app.ticket
ALTER TABLE ONLY app.ticket ADD CONSTRAINT ticket_pkey PRIMARY KEY (id);

-- create view app.open_ticket
CREATE VIEW app.open_ticket AS
SELECT id, title FROM app.ticket WHERE state = 'open';

-- create view app.open_count
CREATE VIEW app.open_count AS
SELECT count(*) AS n FROM app.open_ticket;

-- create trigger app.ticket.ticket_guard
CREATE TRIGGER ticket_guard BEFORE INSERT ON app.ticket FOR EACH ROW EXECUTE FUNCTION app.ticket_guard();

COMMIT;
