CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE SCHEMA app;

SET search_path = app, public;

CREATE TABLE accounts (
    id integer NOT NULL,
    email citext
);
