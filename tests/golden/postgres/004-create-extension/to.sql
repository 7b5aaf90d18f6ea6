CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE TABLE public.users (id integer PRIMARY KEY, email public.citext);
