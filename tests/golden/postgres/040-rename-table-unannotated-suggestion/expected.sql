-- schemerge migration plan

BEGIN;

-- drop table public.client
--   hazard data-loss: table public.client and all its rows are dropped
DROP TABLE public.client;

-- create table public.customer
CREATE TABLE public.customer (
    id integer,
    name text NOT NULL
);

COMMIT;
