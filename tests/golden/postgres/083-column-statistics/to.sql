CREATE TABLE public.t (id integer, v text);
ALTER TABLE public.t ALTER COLUMN v SET STATISTICS 500;
