-- One child dropped, the parent and the other child unchanged.
CREATE TABLE public.items (
    id integer NOT NULL,
    name text,
    CONSTRAINT items_name_check CHECK ((length(name) < 100))
);

CREATE TABLE public.items_new (
    CONSTRAINT items_new_id_check CHECK ((id > 1000))
)
INHERITS (public.items);
