CREATE TABLE public.t (id integer GENERATED ALWAYS AS IDENTITY, v text);
