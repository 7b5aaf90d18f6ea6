-- schemerge migration plan

BEGIN;

-- alter table public.m_1
--   hazard validation-scan: table public.m_1 is scanned to check the partition bound unless a constraint implies it
ALTER TABLE public.m ATTACH PARTITION public.m_1 FOR VALUES IN (1);

COMMIT;
