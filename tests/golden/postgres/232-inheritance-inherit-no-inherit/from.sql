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
);

CREATE TABLE public.logs_current (
    level integer
)
INHERITS (public.logs);
