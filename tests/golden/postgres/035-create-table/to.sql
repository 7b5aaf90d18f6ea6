CREATE TABLE public.a (id integer PRIMARY KEY);
CREATE TABLE public.b (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    a_id integer NOT NULL REFERENCES public.a (id) ON DELETE CASCADE,
    note text DEFAULT '' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX b_a_id_idx ON public.b (a_id);
