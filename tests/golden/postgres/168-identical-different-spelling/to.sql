CREATE TABLE public.c (
    id integer NOT NULL,
    p_id integer,
    name character varying(20)
);
CREATE SEQUENCE public.c_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.c_id_seq OWNED BY public.c.id;
ALTER TABLE ONLY public.c ALTER COLUMN id SET DEFAULT nextval('public.c_id_seq'::regclass);
CREATE TABLE public.p (id integer NOT NULL);
ALTER TABLE ONLY public.p ADD CONSTRAINT p_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.c ADD CONSTRAINT c_pkey PRIMARY KEY (id);
CREATE INDEX c_p_id ON public.c (p_id);
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id);
CREATE POLICY c_all ON public.c USING (true);
