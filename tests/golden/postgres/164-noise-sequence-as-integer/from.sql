SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.t (
    id integer NOT NULL,
    name character varying
);

CREATE SEQUENCE public.t_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);
