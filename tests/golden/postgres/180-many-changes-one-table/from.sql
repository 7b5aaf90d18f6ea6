CREATE TABLE public.account (
    id integer NOT NULL,
    login varchar(40),
    legacy_flag boolean,
    balance integer DEFAULT 0
);
