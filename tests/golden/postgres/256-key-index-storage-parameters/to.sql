CREATE TABLE public.k (id integer NOT NULL, code text, note text,
    CONSTRAINT k_pkey PRIMARY KEY (id) WITH (fillfactor = 90),
    CONSTRAINT k_code_key UNIQUE (code) WITH (deduplicate_items = off, fillfactor = 50));
CREATE INDEX k_lower_code_idx ON public.k (lower(code), (id + 1), lower(note));
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 3 SET STATISTICS 400;
