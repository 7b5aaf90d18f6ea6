-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create function public.complex_abs(public.complex)
CREATE FUNCTION public.complex_abs(public.complex) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT sqrt(($1).re * ($1).re + ($1).im * ($1).im) $_$;

-- create function public.complex_abs_cmp(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_cmp(public.complex, public.complex) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT CASE WHEN complex_abs($1) < complex_abs($2) THEN -1 WHEN complex_abs($1) > complex_abs($2) THEN 1 ELSE 0 END $_$;

-- create function public.complex_abs_eq(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_eq(public.complex, public.complex) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs($1) = complex_abs($2) $_$;

-- create function public.complex_abs_ge(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_ge(public.complex, public.complex) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs($1) >= complex_abs($2) $_$;

-- create function public.complex_abs_gt(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_gt(public.complex, public.complex) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs($1) > complex_abs($2) $_$;

-- create function public.complex_abs_hash(public.complex)
CREATE FUNCTION public.complex_abs_hash(public.complex) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT hashfloat8(complex_abs($1)) $_$;

-- create function public.complex_abs_le(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_le(public.complex, public.complex) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs($1) <= complex_abs($2) $_$;

-- create function public.complex_abs_lt(public.complex, public.complex)
CREATE FUNCTION public.complex_abs_lt(public.complex, public.complex) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT complex_abs($1) < complex_abs($2) $_$;

-- create operator public.<#(public.complex, public.complex)
CREATE OPERATOR public.<# (
    FUNCTION = public.complex_abs_lt,
    LEFTARG = public.complex,
    RIGHTARG = public.complex,
    COMMUTATOR = OPERATOR(public.>#),
    NEGATOR = OPERATOR(public.>=#)
);

-- create operator public.<=#(public.complex, public.complex)
CREATE OPERATOR public.<=# (
    FUNCTION = public.complex_abs_le,
    LEFTARG = public.complex,
    RIGHTARG = public.complex,
    COMMUTATOR = OPERATOR(public.>=#),
    NEGATOR = OPERATOR(public.>#)
);

-- create operator public.=#(public.complex, public.complex)
CREATE OPERATOR public.=# (
    FUNCTION = public.complex_abs_eq,
    LEFTARG = public.complex,
    RIGHTARG = public.complex,
    COMMUTATOR = OPERATOR(public.=#),
    HASHES,
    MERGES
);

-- create operator public.>#(public.complex, public.complex)
CREATE OPERATOR public.># (
    FUNCTION = public.complex_abs_gt,
    LEFTARG = public.complex,
    RIGHTARG = public.complex,
    COMMUTATOR = OPERATOR(public.<#),
    NEGATOR = OPERATOR(public.<=#)
);

-- create operator public.>=#(public.complex, public.complex)
CREATE OPERATOR public.>=# (
    FUNCTION = public.complex_abs_ge,
    LEFTARG = public.complex,
    RIGHTARG = public.complex,
    COMMUTATOR = OPERATOR(public.<=#),
    NEGATOR = OPERATOR(public.<#)
);

-- create operator family public.complex_abs_hash_ops USING hash
CREATE OPERATOR FAMILY public.complex_abs_hash_ops USING hash;

-- create operator class public.complex_abs_hash_ops USING hash
CREATE OPERATOR CLASS public.complex_abs_hash_ops
    FOR TYPE public.complex USING hash FAMILY public.complex_abs_hash_ops AS
    OPERATOR 1 public.=#(public.complex,public.complex) ,
    FUNCTION 1 (public.complex, public.complex) public.complex_abs_hash(public.complex);

-- create operator family public.complex_abs_ops USING btree
CREATE OPERATOR FAMILY public.complex_abs_ops USING btree;

-- create operator class public.complex_abs_ops USING btree
CREATE OPERATOR CLASS public.complex_abs_ops
    DEFAULT FOR TYPE public.complex USING btree FAMILY public.complex_abs_ops AS
    OPERATOR 1 public.<#(public.complex,public.complex) ,
    OPERATOR 2 public.<=#(public.complex,public.complex) ,
    OPERATOR 3 public.=#(public.complex,public.complex) ,
    OPERATOR 4 public.>=#(public.complex,public.complex) ,
    OPERATOR 5 public.>#(public.complex,public.complex) ,
    FUNCTION 1 (public.complex, public.complex) public.complex_abs_cmp(public.complex,public.complex);

-- create operator class public.complex_abs_ops USING btree
COMMENT ON OPERATOR CLASS public.complex_abs_ops USING btree IS 'complex numbers by absolute value';

-- create operator family public.complex_extra_ops USING btree
CREATE OPERATOR FAMILY public.complex_extra_ops USING btree;

-- create operator family public.complex_extra_ops USING btree
ALTER OPERATOR FAMILY public.complex_extra_ops USING btree ADD
    OPERATOR 1 public.<#(public.complex,public.complex) ,
    FUNCTION 1 (public.complex, public.complex) public.complex_abs_cmp(public.complex,public.complex);

-- create operator family public.complex_extra_ops USING btree
COMMENT ON OPERATOR FAMILY public.complex_extra_ops USING btree IS 'loose members';

-- create index public.readings_value_abs
--   hazard blocking-index-build: writes to public.readings are blocked while the index is built
CREATE INDEX readings_value_abs ON public.readings USING btree (value);

-- create index public.readings_value_hash
--   hazard blocking-index-build: writes to public.readings are blocked while the index is built
CREATE INDEX readings_value_hash ON public.readings USING hash (value public.complex_abs_hash_ops);

COMMIT;
