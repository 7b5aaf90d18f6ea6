CREATE TYPE public.status AS ENUM ('pending', 'active', 'deleted');
CREATE TABLE public.t (id integer, s public.status DEFAULT 'pending');
