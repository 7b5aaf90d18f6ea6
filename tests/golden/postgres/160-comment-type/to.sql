CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE DOMAIN public.qty AS integer;
COMMENT ON TYPE public.mood IS 'how it feels';
COMMENT ON DOMAIN public.qty IS 'a quantity';
