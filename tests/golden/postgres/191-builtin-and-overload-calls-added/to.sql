CREATE FUNCTION public.lower(text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_agg(pg_catalog.lower(x)) FROM unnest($1) AS x $$;

CREATE TABLE public.pages (
    id integer NOT NULL,
    url character varying,
    title text DEFAULT lower('Untitled'::text),
    tags text[] DEFAULT lower('{A,B}'::text[])
);

CREATE INDEX pages_url_lower ON public.pages (lower((url)::text));
CREATE INDEX pages_url_lower2 ON public.pages (lower(url));
CREATE INDEX pages_tags_lower ON public.pages (lower(tags));

CREATE VIEW public.page_titles AS
    SELECT p.id, lower(p.title) AS title, lower(p.tags) AS tags
    FROM public.pages p;
