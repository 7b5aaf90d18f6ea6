CREATE TYPE public.size AS ENUM ('small', 'medium', 'large');
CREATE TABLE public.shirt (id integer, s public.size DEFAULT 'medium' NOT NULL);
CREATE VIEW public.big_shirts AS SELECT id FROM public.shirt WHERE s = 'large';
