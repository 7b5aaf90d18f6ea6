-- Index, view and default call the built-in lower(text); to.sql adds a user overload
-- public.lower(text[]) that must not capture them.
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
