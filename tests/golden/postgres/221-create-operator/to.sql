CREATE FUNCTION public.ci_eq(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower($1) = lower($2) $$;

CREATE FUNCTION public.ci_ne(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower($1) <> lower($2) $$;

CREATE FUNCTION public.negate(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT -$1 $$;

CREATE OPERATOR public.=== (
    FUNCTION = public.ci_eq,
    LEFTARG = text,
    RIGHTARG = text,
    COMMUTATOR = OPERATOR(public.===),
    NEGATOR = OPERATOR(public.!==),
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);

CREATE OPERATOR public.!== (
    FUNCTION = public.ci_ne,
    LEFTARG = text,
    RIGHTARG = text,
    COMMUTATOR = OPERATOR(public.!==),
    NEGATOR = OPERATOR(public.===),
    RESTRICT = neqsel,
    JOIN = neqjoinsel
);

CREATE OPERATOR public.~~~ (
    FUNCTION = public.negate,
    RIGHTARG = integer
);

COMMENT ON OPERATOR public.=== (text, text) IS 'case-insensitive equality';
