CREATE DOMAIN public.pct AS numeric CONSTRAINT pct_range CHECK (VALUE >= 0 AND VALUE <= 100);
