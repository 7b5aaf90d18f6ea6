CREATE TABLE public.a (id integer PRIMARY KEY);
CREATE TABLE public.b (id integer PRIMARY KEY, a_id integer REFERENCES public.a (id));
