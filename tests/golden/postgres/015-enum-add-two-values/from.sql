CREATE TYPE public.color AS ENUM ('red', 'blue');
