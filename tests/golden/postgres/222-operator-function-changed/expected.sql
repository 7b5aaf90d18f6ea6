-- schemerge migration plan

BEGIN;

-- replace operator public.===(text, text)
DROP OPERATOR public.=== (text, text);

-- replace operator public.<~>(text, text)
ALTER OPERATOR public.<~> (text, text) SET (RESTRICT = NONE, JOIN = eqjoinsel);

-- replace operator public.===(text, text)
CREATE OPERATOR public.=== (
    FUNCTION = public.ci_eq_trimmed,
    LEFTARG = text,
    RIGHTARG = text
);

COMMIT;
