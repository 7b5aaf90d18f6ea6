CREATE SCHEMA app;
CREATE TABLE app.t (id integer CONSTRAINT t_id_check CHECK (id > 0));
