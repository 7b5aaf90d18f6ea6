CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application objects';
CREATE TABLE app.t (id integer CONSTRAINT t_id_check CHECK (id > 0));
COMMENT ON CONSTRAINT t_id_check ON app.t IS 'ids are positive';
