-- schemerge migration plan

BEGIN;

-- create table public.c
CREATE TABLE public.c (
    id integer,
    p_id integer NOT NULL
);

-- create index public.c_p_id_idx
CREATE INDEX c_p_id_idx ON public.c USING btree (p_id);

-- create table public.c
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id);

COMMIT;
