CREATE TABLE public.doc (id integer, owner_name text);
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_owner ON public.doc FOR SELECT USING (owner_name = current_user);
