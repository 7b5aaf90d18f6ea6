CREATE DOMAIN public.qty AS integer DEFAULT 1;
