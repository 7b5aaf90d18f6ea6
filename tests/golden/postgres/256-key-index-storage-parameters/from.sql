CREATE TABLE public.k (id integer NOT NULL, code text, note text,
    CONSTRAINT k_pkey PRIMARY KEY (id) WITH (fillfactor = 70),
    CONSTRAINT k_code_key UNIQUE (code));
CREATE INDEX k_lower_code_idx ON public.k (lower(code), (id + 1), lower(note));
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 2 SET STATISTICS 300;
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 3 SET STATISTICS 400;
