CREATE SEQUENCE public.s AS bigint;
