CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('open', 'closed');
CREATE SEQUENCE app.ticket_no;
CREATE FUNCTION app.next_ticket() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('app.ticket_no')$$;
CREATE TABLE app.ticket (
    id bigint DEFAULT app.next_ticket() PRIMARY KEY,
    state app.state DEFAULT 'open' NOT NULL
);
CREATE TABLE app.note (id integer, ticket_id bigint REFERENCES app.ticket (id));
CREATE VIEW app.open_ticket AS SELECT id FROM app.ticket WHERE state = 'open';
CREATE VIEW app.open_count AS SELECT count(*) AS n FROM app.open_ticket;
