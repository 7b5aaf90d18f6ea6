CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('open', 'closed');
CREATE DOMAIN app.label AS text CHECK (length(VALUE) < 80);
CREATE SEQUENCE app.ticket_no;
CREATE FUNCTION app.next_ticket() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('app.ticket_no')$$;
CREATE TABLE app.ticket (
    id bigint DEFAULT app.next_ticket() PRIMARY KEY,
    state app.state DEFAULT 'open' NOT NULL,
    title app.label
);
CREATE VIEW app.open_ticket AS SELECT id, title FROM app.ticket WHERE state = 'open';
CREATE VIEW app.open_count AS SELECT count(*) AS n FROM app.open_ticket;
CREATE FUNCTION app.ticket_guard() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER ticket_guard BEFORE INSERT ON app.ticket FOR EACH ROW EXECUTE FUNCTION app.ticket_guard();
