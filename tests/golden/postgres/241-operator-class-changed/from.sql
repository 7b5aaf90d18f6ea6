CREATE TYPE complex AS (re double precision, im double precision);

CREATE FUNCTION complex_abs(complex) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT sqrt(($1).re * ($1).re + ($1).im * ($1).im) $$;
CREATE FUNCTION complex_abs_lt(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT complex_abs($1) < complex_abs($2) $$;
CREATE FUNCTION complex_abs_le(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT complex_abs($1) <= complex_abs($2) $$;
CREATE FUNCTION complex_abs_eq(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT complex_abs($1) = complex_abs($2) $$;
CREATE FUNCTION complex_abs_ge(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT complex_abs($1) >= complex_abs($2) $$;
CREATE FUNCTION complex_abs_gt(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT complex_abs($1) > complex_abs($2) $$;
CREATE FUNCTION complex_abs_cmp(complex, complex) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT CASE WHEN complex_abs($1) < complex_abs($2) THEN -1 WHEN complex_abs($1) > complex_abs($2) THEN 1 ELSE 0 END $$;
CREATE FUNCTION complex_abs_hash(complex) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT hashfloat8(complex_abs($1)) $$;

CREATE OPERATOR <# (LEFTARG = complex, RIGHTARG = complex, FUNCTION = complex_abs_lt, COMMUTATOR = >#, NEGATOR = >=#);
CREATE OPERATOR <=# (LEFTARG = complex, RIGHTARG = complex, FUNCTION = complex_abs_le, COMMUTATOR = >=#, NEGATOR = >#);
CREATE OPERATOR =# (LEFTARG = complex, RIGHTARG = complex, FUNCTION = complex_abs_eq, COMMUTATOR = =#, HASHES, MERGES);
CREATE OPERATOR >=# (LEFTARG = complex, RIGHTARG = complex, FUNCTION = complex_abs_ge, COMMUTATOR = <=#, NEGATOR = <#);
CREATE OPERATOR ># (LEFTARG = complex, RIGHTARG = complex, FUNCTION = complex_abs_gt, COMMUTATOR = <#, NEGATOR = <=#);

-- The default btree class of complex: its family is created with it.
CREATE OPERATOR CLASS complex_abs_ops
    DEFAULT FOR TYPE complex USING btree AS
        OPERATOR 1 <#,
        OPERATOR 2 <=#,
        OPERATOR 3 =#,
        OPERATOR 4 >=#,
        OPERATOR 5 >#,
        FUNCTION 1 complex_abs_cmp(complex, complex);

COMMENT ON OPERATOR CLASS complex_abs_ops USING btree IS 'complex numbers by absolute value';

-- A hash class in a family of its own, spelled out.
CREATE OPERATOR FAMILY complex_abs_hash_ops USING hash;
CREATE OPERATOR CLASS complex_abs_hash_ops FOR TYPE complex USING hash FAMILY complex_abs_hash_ops AS
    OPERATOR 1 =# (complex, complex),
    FUNCTION 1 complex_abs_hash(complex);

-- A family with loose members only.
CREATE OPERATOR FAMILY complex_extra_ops USING btree;
ALTER OPERATOR FAMILY complex_extra_ops USING btree ADD
    OPERATOR 1 <# (complex, complex),
    FUNCTION 1 (complex, complex) complex_abs_cmp(complex, complex);
COMMENT ON OPERATOR FAMILY complex_extra_ops USING btree IS 'loose members';

CREATE TABLE readings (
    id integer PRIMARY KEY,
    value complex
);

CREATE INDEX readings_value_abs ON readings (value complex_abs_ops);
CREATE INDEX readings_value_hash ON readings USING hash (value complex_abs_hash_ops);
