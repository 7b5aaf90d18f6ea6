CREATE TABLE public.t (id integer, tags text[], v text);
