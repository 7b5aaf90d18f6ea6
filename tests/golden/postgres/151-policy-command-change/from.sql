CREATE TABLE public.doc (id integer, owner_name text);
CREATE POLICY doc_p ON public.doc FOR SELECT USING (owner_name = current_user);
