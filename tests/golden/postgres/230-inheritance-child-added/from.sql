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
