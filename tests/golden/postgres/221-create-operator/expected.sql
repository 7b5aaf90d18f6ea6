-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create function public.ci_ne(text, text)
CREATE FUNCTION public.ci_ne(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT lower($1) <> lower($2) $_$;

-- create function public.negate(integer)
CREATE FUNCTION public.negate(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT -$1 $_$;

-- create operator public.!==(text, text)
CREATE OPERATOR public.!== (
    FUNCTION = public.ci_ne,
    LEFTARG = text,
    RIGHTARG = text,
    COMMUTATOR = OPERATOR(public.!==),
    NEGATOR = OPERATOR(public.===),
    RESTRICT = neqsel,
    JOIN = neqjoinsel
);

-- create operator public.===(text, text)
CREATE OPERATOR public.=== (
    FUNCTION = public.ci_eq,
    LEFTARG = text,
    RIGHTARG = text,
    COMMUTATOR = OPERATOR(public.===),
    NEGATOR = OPERATOR(public.!==),
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);

-- create operator public.===(text, text)
COMMENT ON OPERATOR public.=== (text, text) IS 'case-insensitive equality';

-- create operator public.~~~(integer)
CREATE OPERATOR public.~~~ (
    FUNCTION = public.negate,
    RIGHTARG = integer
);

COMMIT;
