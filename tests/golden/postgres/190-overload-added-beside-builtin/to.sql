CREATE FUNCTION public.lower(text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_agg(lower(x)) FROM unnest($1) AS x $$;

CREATE TABLE public.pages (
    id integer NOT NULL,
    url character varying,
    title text DEFAULT lower('Untitled'::text),
    tags text[]
);

CREATE INDEX pages_url_lower ON public.pages USING btree (lower((url)::text));

CREATE VIEW public.page_titles AS
 SELECT pages.id,
    lower(pages.title) AS title
   FROM public.pages;
