CREATE TABLE public.doc (id integer, owner_name text);
CREATE POLICY doc_write ON public.doc FOR UPDATE USING (owner_name = current_user);
