-- A user overload public.lower(text[]) exists; to.sql adds calls of both lower()s in an
-- index, a view and defaults: each must reach the function PostgreSQL would pick.
CREATE FUNCTION public.lower(text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_agg(pg_catalog.lower(x)) FROM unnest($1) AS x $$;

CREATE TABLE public.pages (
    id integer NOT NULL,
    url character varying,
    title text,
    tags text[]
);
