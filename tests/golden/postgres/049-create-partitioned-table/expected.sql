-- schemerge migration plan

BEGIN;

-- create table public.events
CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL,
    payload text
)
PARTITION BY RANGE (at);

-- create table public.events_2024
CREATE TABLE public.events_2024 (
    id bigint NOT NULL,
    at date NOT NULL,
    payload text
);

-- create table public.events_2024
ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

COMMIT;
