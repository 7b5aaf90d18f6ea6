CREATE TABLE public.m (k integer NOT NULL, v text) PARTITION BY LIST (k);
CREATE TABLE public.m_1 (k integer NOT NULL, v text);
