-- schemerge migration plan

BEGIN;

-- create table public.events_1
CREATE TABLE public.events_1 (
    kind text DEFAULT 'odd' NOT NULL,
    source text NOT NULL,
    attempts integer DEFAULT 0,
    CONSTRAINT events_1_attempts_check CHECK (attempts >= 0),
    CONSTRAINT events_1_id_check CHECK ((id % 2) = 1)
)
INHERITS (public.events);

-- create table public.events_1
ALTER TABLE ONLY public.events_1 ALTER COLUMN payload SET DEFAULT '{"v": 1}';

-- create table public.events_1
ALTER TABLE ONLY public.events_1 ALTER COLUMN created_at SET DEFAULT now();

COMMIT;
