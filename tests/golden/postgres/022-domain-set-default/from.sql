CREATE DOMAIN public.qty AS integer;
