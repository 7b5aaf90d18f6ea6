-- Rails-style partitioning by inheritance: a parent and its children.
CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT events_kind_check CHECK ((kind <> ''::text))
);

CREATE TABLE public.events_0 (
    CONSTRAINT events_0_id_check CHECK (((id % 2) = 0))
)
INHERITS (public.events);

-- A new child with columns and constraints of its own, one column it also inherits
-- (declared again: merged, local), an inherited column with a default of its own.
CREATE TABLE public.events_1 (
    kind text DEFAULT 'odd'::text NOT NULL,
    source text NOT NULL,
    attempts integer DEFAULT 0,
    CONSTRAINT events_1_id_check CHECK (((id % 2) = 1)),
    CONSTRAINT events_1_attempts_check CHECK ((attempts >= 0))
)
INHERITS (public.events);

ALTER TABLE ONLY public.events_1 ALTER COLUMN payload SET DEFAULT '{"v": 1}'::jsonb;
