-- schemerge migration plan

BEGIN;

-- drop policy public.doc.doc_p
DROP POLICY doc_p ON public.doc;

-- create policy public.doc.doc_p
CREATE POLICY doc_p ON public.doc AS RESTRICTIVE USING (owner_name = current_user);

COMMIT;
