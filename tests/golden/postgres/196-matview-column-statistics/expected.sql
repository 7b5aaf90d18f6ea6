-- schemerge migration plan

BEGIN;

-- replace materialized view public.event_kinds
ALTER TABLE ONLY public.event_kinds ALTER COLUMN kind SET STATISTICS 200;

-- replace materialized view public.event_kinds
ALTER TABLE ONLY public.event_kinds ALTER COLUMN n SET (n_distinct=-0.5);

COMMIT;
