CREATE TABLE public.items (
    id integer NOT NULL,
    name text,
    CONSTRAINT items_name_check CHECK ((length(name) < 100))
);

CREATE TABLE public.items_old (
    retired_at date
)
INHERITS (public.items);

CREATE TABLE public.items_new (
    CONSTRAINT items_new_id_check CHECK ((id > 1000))
)
INHERITS (public.items);
