-- schemerge migration plan

BEGIN;

-- create policy public.doc.doc_owner
CREATE POLICY doc_owner ON public.doc FOR SELECT USING (owner_name = current_user);

COMMIT;
