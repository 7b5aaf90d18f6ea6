-- A dump taken without privileges (pg_dump -x): nothing to compare them with.
CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
