CREATE TYPE public.size AS ENUM ('large', 'medium', 'small');
CREATE TABLE public.shirt (id integer, s public.size DEFAULT 'medium' NOT NULL);
CREATE VIEW public.big_shirts AS SELECT id FROM public.shirt WHERE s = 'large';
