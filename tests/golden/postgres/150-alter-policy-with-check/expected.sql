-- schemerge migration plan

BEGIN;

-- alter policy public.doc.doc_write
ALTER POLICY doc_write ON public.doc WITH CHECK (owner_name = current_user);

COMMIT;
