-- schemerge migration plan

BEGIN;

-- drop function public.complex_abs(public.complex)
DROP FUNCTION public.complex_abs(public.complex);

-- drop operator family public.complex_extra_ops USING btree
DROP OPERATOR FAMILY public.complex_extra_ops USING btree;

-- recreate dependent index public.readings_value_abs
--   hazard dependents-recreated: dropped and created again around the change of operator class public.complex_abs_ops USING btree
DROP INDEX public.readings_value_abs;

-- drop operator class public.complex_abs_ops USING btree
DROP OPERATOR CLASS public.complex_abs_ops USING btree;

-- drop function public.complex_abs_cmp(public.complex, public.complex)
DROP FUNCTION public.complex_abs_cmp(public.complex, public.complex);

-- drop operator public.<#(public.complex, public.complex)
DROP OPERATOR public.<# (public.complex, public.complex);

-- drop function public.complex_abs_lt(public.complex, public.complex)
DROP FUNCTION public.complex_abs_lt(public.complex, public.complex);

-- drop operator public.<=#(public.complex, public.complex)
DROP OPERATOR public.<=# (public.complex, public.complex);

-- drop function public.complex_abs_le(public.complex, public.complex)
DROP FUNCTION public.complex_abs_le(public.complex, public.complex);

-- drop operator public.>#(public.complex, public.complex)
DROP OPERATOR public.># (public.complex, public.complex);

-- drop function public.complex_abs_gt(public.complex, public.complex)
DROP FUNCTION public.complex_abs_gt(public.complex, public.complex);

-- drop operator public.>=#(public.complex, public.complex)
DROP OPERATOR public.>=# (public.complex, public.complex);

-- drop function public.complex_abs_ge(public.complex, public.complex)
DROP FUNCTION public.complex_abs_ge(public.complex, public.complex);

-- drop operator family public.complex_abs_ops USING btree
DROP OPERATOR FAMILY public.complex_abs_ops USING btree;

-- drop index public.readings_value_hash
--   hazard access-exclusive-lock: table public.readings is locked while the index is dropped
DROP INDEX public.readings_value_hash;

-- drop operator class public.complex_abs_hash_ops USING hash
DROP OPERATOR CLASS public.complex_abs_hash_ops USING hash;

-- drop function public.complex_abs_hash(public.complex)
DROP FUNCTION public.complex_abs_hash(public.complex);

-- drop operator public.=#(public.complex, public.complex)
DROP OPERATOR public.=# (public.complex, public.complex);

-- drop function public.complex_abs_eq(public.complex, public.complex)
DROP FUNCTION public.complex_abs_eq(public.complex, public.complex);

-- drop operator family public.complex_abs_hash_ops USING hash
DROP OPERATOR FAMILY public.complex_abs_hash_ops USING hash;

-- recreate dependent index public.readings_value_abs
--   hazard blocking-index-build: writes to public.readings are blocked while the index is built
CREATE INDEX readings_value_abs ON public.readings USING btree (value);

COMMIT;
