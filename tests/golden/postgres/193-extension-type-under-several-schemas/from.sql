-- citext is an extension's type: with two schemas on the path the front end cannot tell
-- which holds it, so the column keeps the name as written (not app.citext).
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE SCHEMA app;

SET search_path = app, public;

CREATE TABLE accounts (
    id integer NOT NULL
);
