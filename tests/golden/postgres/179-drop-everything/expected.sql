-- schemerge migration plan

BEGIN;

-- drop view app.open_count
DROP VIEW app.open_count;

-- drop view app.open_ticket
DROP VIEW app.open_ticket;

-- drop table app.note
--   hazard data-loss: table app.note and all its rows are dropped
DROP TABLE app.note;

-- drop table app.ticket
--   hazard data-loss: table app.ticket and all its rows are dropped
DROP TABLE app.ticket;

-- drop function app.next_ticket()
DROP FUNCTION app.next_ticket();

-- drop sequence app.ticket_no
DROP SEQUENCE app.ticket_no;

-- drop type app.state
DROP TYPE app.state;

-- drop schema app
DROP SCHEMA app;

COMMIT;
