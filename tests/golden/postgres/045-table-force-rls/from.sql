CREATE TABLE public.doc (id integer);
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;
