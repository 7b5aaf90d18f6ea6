-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- replace operator family public.complex_extra_ops USING btree
ALTER OPERATOR FAMILY public.complex_extra_ops USING btree DROP
    OPERATOR 1 (public.complex, public.complex);

-- recreate dependent index public.readings_value_abs
--   hazard dependents-recreated: dropped and created again around the change of operator class public.complex_abs_ops USING btree
DROP INDEX public.readings_value_abs;

-- replace operator class public.complex_abs_ops USING btree
DROP OPERATOR CLASS public.complex_abs_ops USING btree;

-- create function public.complex_abs_cmp_rev(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_cmp_rev(public.complex, public.complex) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs_cmp($1, $2) $_$;

-- replace operator class public.complex_abs_ops USING btree
CREATE OPERATOR CLASS public.complex_abs_ops
    DEFAULT FOR TYPE public.complex USING btree FAMILY public.complex_abs_ops AS
    OPERATOR 1 public.<#(public.complex,public.complex) ,
    OPERATOR 2 public.<=#(public.complex,public.complex) ,
    OPERATOR 3 public.=#(public.complex,public.complex) ,
    OPERATOR 4 public.>=#(public.complex,public.complex) ,
    OPERATOR 5 public.>#(public.complex,public.complex) ,
    FUNCTION 1 (public.complex, public.complex) public.complex_abs_cmp_rev(public.complex,public.complex);

-- replace operator class public.complex_abs_ops USING btree
COMMENT ON OPERATOR CLASS public.complex_abs_ops USING btree IS 'complex numbers by absolute value';

-- replace operator family public.complex_extra_ops USING btree
ALTER OPERATOR FAMILY public.complex_extra_ops USING btree ADD
    OPERATOR 2 public.<=#(public.complex,public.complex) ,
    OPERATOR 5 public.>#(public.complex,public.complex);

-- recreate dependent index public.readings_value_abs
--   hazard blocking-index-build: writes to public.readings are blocked while the index is built
CREATE INDEX readings_value_abs ON public.readings USING btree (value);

COMMIT;
