-- schemerge migration plan

BEGIN;

-- drop table public.m_2
--   hazard data-loss: table public.m_2 and all its rows are dropped
DROP TABLE public.m_2;

COMMIT;
