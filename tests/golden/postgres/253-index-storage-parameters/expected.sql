-- schemerge migration plan

BEGIN;

-- alter index public.t_a_idx
ALTER INDEX public.t_a_idx SET (fillfactor=80);

-- alter index public.t_b_idx
ALTER INDEX public.t_b_idx RESET (deduplicate_items);

-- alter index public.t_c_idx
ALTER INDEX public.t_c_idx SET (fillfactor=60);

-- alter index public.t_d_idx
ALTER INDEX public.t_d_idx RESET (deduplicate_items);

-- alter index public.t_d_idx
ALTER INDEX public.t_d_idx SET (fillfactor=90);

COMMIT;
