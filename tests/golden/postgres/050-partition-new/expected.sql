-- schemerge migration plan

BEGIN;

-- create table public.events_2025
CREATE TABLE public.events_2025 (
    id bigint NOT NULL,
    at date NOT NULL
);

-- create table public.events_2025
ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

COMMIT;
