CREATE TABLE public.m (k integer NOT NULL, v text, extra integer) PARTITION BY LIST (k);
CREATE TABLE public.m_1 PARTITION OF public.m FOR VALUES IN (1);
