CREATE DOMAIN public.pct AS numeric;
