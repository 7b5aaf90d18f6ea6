-- schemerge migration plan

BEGIN;

-- set default of column public.pages.tags
ALTER TABLE public.pages ALTER COLUMN tags SET DEFAULT public.lower('{A,B}'::text[]);

-- set default of column public.pages.title
ALTER TABLE public.pages ALTER COLUMN title SET DEFAULT lower('Untitled'::text);

-- create index public.pages_tags_lower
--   hazard blocking-index-build: writes to public.pages are blocked while the index is built
CREATE INDEX pages_tags_lower ON public.pages USING btree ((public.lower(tags)));

-- create index public.pages_url_lower
--   hazard blocking-index-build: writes to public.pages are blocked while the index is built
CREATE INDEX pages_url_lower ON public.pages USING btree ((lower(url::text)));

-- create index public.pages_url_lower2
--   hazard blocking-index-build: writes to public.pages are blocked while the index is built
CREATE INDEX pages_url_lower2 ON public.pages USING btree ((lower(url)));

-- create view public.page_titles
CREATE VIEW public.page_titles AS
SELECT p.id, lower(p.title) AS title, public.lower(p.tags) AS tags FROM public.pages p;

COMMIT;
