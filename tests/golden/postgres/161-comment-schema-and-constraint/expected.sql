-- schemerge migration plan

BEGIN;

-- set comment on schema app
COMMENT ON SCHEMA app IS 'application objects';

-- set comment on constraint app.t.t_id_check
COMMENT ON CONSTRAINT t_id_check ON app.t IS 'ids are positive';

COMMIT;
