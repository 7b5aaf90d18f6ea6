-- schemerge migration plan

BEGIN;

-- alter table public.m_2
ALTER TABLE public.m DETACH PARTITION public.m_2;

COMMIT;
