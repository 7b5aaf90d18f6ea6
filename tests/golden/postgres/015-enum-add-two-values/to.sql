CREATE TYPE public.color AS ENUM ('red', 'green', 'blue', 'black');
