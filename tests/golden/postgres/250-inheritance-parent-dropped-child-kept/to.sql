-- The parent dropped with one child; the other child stays, a table of its own (its
-- columns and the CHECK it inherited are now its own): NO INHERIT before DROP TABLE,
-- which PostgreSQL refuses while a child inherits.
CREATE TABLE public.events_2026 (
    id integer NOT NULL,
    payload text,
    source text,
    CONSTRAINT events_id_check CHECK ((id > 0))
);
