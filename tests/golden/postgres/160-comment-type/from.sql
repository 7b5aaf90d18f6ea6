CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE DOMAIN public.qty AS integer;
