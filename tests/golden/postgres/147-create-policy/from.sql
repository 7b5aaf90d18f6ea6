CREATE TABLE public.doc (id integer, owner_name text);
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;
