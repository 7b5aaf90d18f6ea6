CREATE TABLE public.m (k integer NOT NULL, v text) PARTITION BY LIST (k);
CREATE TABLE public.m_1 PARTITION OF public.m FOR VALUES IN (1);
CREATE TABLE public.m_2 (k integer NOT NULL, v text);
