-- The same schema with grants: only the new column is planned, privileges are not tracked.
CREATE TABLE public.notes (id integer PRIMARY KEY, body text, author text);
GRANT SELECT ON TABLE public.notes TO app_reader;
