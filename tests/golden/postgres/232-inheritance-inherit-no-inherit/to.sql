-- The archive joins the hierarchy (ALTER TABLE … INHERIT), the current table leaves it
-- (NO INHERIT: its inherited columns and CHECK become its own).
CREATE TABLE public.logs (
    id bigint NOT NULL,
    message text,
    CONSTRAINT logs_message_check CHECK ((message <> ''::text))
);

CREATE TABLE public.logs_archive (
    id bigint NOT NULL,
    message text,
    archived_at date,
    CONSTRAINT logs_message_check CHECK ((message <> ''::text))
)
INHERITS (public.logs);

CREATE TABLE public.logs_current (
    id bigint NOT NULL,
    message text,
    level integer,
    CONSTRAINT logs_message_check CHECK ((message <> ''::text))
);
