CREATE TABLE public.t (id integer, blob text);
ALTER TABLE ONLY public.t ALTER COLUMN blob SET STORAGE EXTERNAL;
