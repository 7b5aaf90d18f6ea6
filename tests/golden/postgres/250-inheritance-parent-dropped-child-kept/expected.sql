-- schemerge migration plan

BEGIN;

-- drop table public.events_2025
--   hazard data-loss: table public.events_2025 and all its rows are dropped
DROP TABLE public.events_2025;

-- alter table public.events_2026
ALTER TABLE public.events_2026 NO INHERIT public.events;

-- drop table public.events
--   hazard data-loss: table public.events and all its rows are dropped
DROP TABLE public.events;

COMMIT;
