CREATE TYPE public.status AS ENUM ('active', 'deleted');
CREATE TABLE public.t (id integer, s public.status DEFAULT 'active');
