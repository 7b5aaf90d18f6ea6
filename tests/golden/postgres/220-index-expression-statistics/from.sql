-- Statistics targets of an index's expression columns (pg_dump writes them after the
-- CREATE INDEX) are changed in place: the index is not rebuilt.
CREATE TABLE public.accounts (id integer NOT NULL, email text, created_at timestamp without time zone);

CREATE INDEX accounts_email_lower_idx ON public.accounts USING btree (lower(email), id, date_trunc('day'::text, created_at));
ALTER INDEX public.accounts_email_lower_idx ALTER COLUMN 1 SET STATISTICS 3000;
ALTER INDEX public.accounts_email_lower_idx ALTER COLUMN 3 SET STATISTICS 100;
