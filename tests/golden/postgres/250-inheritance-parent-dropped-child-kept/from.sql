CREATE TABLE public.events (
    id integer NOT NULL,
    payload text,
    CONSTRAINT events_id_check CHECK ((id > 0))
);

CREATE TABLE public.events_2025 (
    archived boolean DEFAULT false
)
INHERITS (public.events);

CREATE TABLE public.events_2026 (
    source text
)
INHERITS (public.events);
