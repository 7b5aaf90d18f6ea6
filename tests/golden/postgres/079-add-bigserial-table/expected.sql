-- schemerge migration plan

BEGIN;

-- create sequence public.log_id_seq
CREATE SEQUENCE public.log_id_seq;

-- create table public.log
CREATE TABLE public.log (
    id bigint DEFAULT nextval('public.log_id_seq'::regclass) NOT NULL,
    msg text
);

-- create sequence public.log_id_seq
ALTER SEQUENCE public.log_id_seq OWNED BY public.log.id;

-- create table public.log
ALTER TABLE ONLY public.log ADD CONSTRAINT log_pkey PRIMARY KEY (id);

COMMIT;
