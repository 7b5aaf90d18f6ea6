CREATE TABLE public.m (k integer NOT NULL, v text) PARTITION BY LIST (k);
CREATE TABLE public.m_1 (k integer NOT NULL, v text);
ALTER TABLE public.m ATTACH PARTITION public.m_1 FOR VALUES IN (1);
