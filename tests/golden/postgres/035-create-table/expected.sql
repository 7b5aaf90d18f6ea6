-- schemerge migration plan

BEGIN;

-- create table public.b
CREATE TABLE public.b (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.b_id_seq),
    a_id integer NOT NULL,
    note text DEFAULT '' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

-- create table public.b
ALTER TABLE ONLY public.b ADD CONSTRAINT b_pkey PRIMARY KEY (id);

-- create index public.b_a_id_idx
CREATE INDEX b_a_id_idx ON public.b USING btree (a_id);

-- create table public.b
ALTER TABLE ONLY public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id) ON DELETE CASCADE;

COMMIT;
