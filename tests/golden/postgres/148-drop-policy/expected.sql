-- schemerge migration plan

BEGIN;

-- drop policy public.doc.doc_owner
DROP POLICY doc_owner ON public.doc;

COMMIT;
