CREATE TABLE public.doc (id integer, owner_name text, public_flag boolean);
CREATE POLICY doc_read ON public.doc FOR SELECT USING (owner_name = current_user OR public_flag);
