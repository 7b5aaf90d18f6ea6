CREATE TABLE public.accounts (id integer NOT NULL, email text, created_at timestamp without time zone);

CREATE INDEX accounts_email_lower_idx ON public.accounts USING btree (lower(email), id, date_trunc('day'::text, created_at));
ALTER INDEX public.accounts_email_lower_idx ALTER COLUMN 1 SET STATISTICS 1000;

CREATE INDEX accounts_email_upper_idx ON public.accounts USING btree (upper(email));
ALTER INDEX public.accounts_email_upper_idx ALTER COLUMN 1 SET STATISTICS 500;
