-- The database has default privileges (from's, written last as pg_dump does). to adds
-- objects, also written before its (same) default privileges: the plan creates them where
-- from's defaults apply, so each new object's GRANT / REVOKE start from what they give it:
-- nothing granted twice, what the target lacks revoked, PUBLIC's EXECUTE granted back.
CREATE SCHEMA app;
CREATE TABLE app.accounts (id integer PRIMARY KEY, email text NOT NULL);
GRANT SELECT ON TABLE app.accounts TO app_reader;

ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT UPDATE ON TABLES TO app_writer WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO app_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT ALL ON TABLES TO app_writer;
