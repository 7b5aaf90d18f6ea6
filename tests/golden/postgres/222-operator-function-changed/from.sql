-- An operator's function changed: DROP OPERATOR + CREATE OPERATOR (PostgreSQL 15 alters
-- only RESTRICT and JOIN: those alone are an ALTER OPERATOR … SET).
CREATE FUNCTION public.ci_eq(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower($1) = lower($2) $$;

CREATE FUNCTION public.ci_eq_trimmed(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower(btrim($1)) = lower(btrim($2)) $$;

CREATE OPERATOR public.=== (
    FUNCTION = public.ci_eq,
    LEFTARG = text,
    RIGHTARG = text
);

CREATE OPERATOR public.<~> (
    FUNCTION = public.ci_eq,
    LEFTARG = text,
    RIGHTARG = text,
    RESTRICT = eqsel
);
