CREATE DOMAIN public.email AS text CONSTRAINT email_check CHECK (VALUE ~ '@');
