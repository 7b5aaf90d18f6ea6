-- schemerge migration plan

BEGIN;

-- alter policy public.doc.doc_read
ALTER POLICY doc_read ON public.doc USING (owner_name = current_user OR public_flag);

COMMIT;
