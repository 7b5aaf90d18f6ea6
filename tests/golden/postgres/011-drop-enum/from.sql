CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.t (id integer, m public.mood);
