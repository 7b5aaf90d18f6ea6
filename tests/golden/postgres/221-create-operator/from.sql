-- Operators are modeled: created after the functions they use (pg_dump's form), with
-- their comment; a self-commutator and a negator pair in one schema.
CREATE FUNCTION public.ci_eq(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower($1) = lower($2) $$;
