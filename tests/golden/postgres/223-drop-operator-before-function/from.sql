-- An operator is dropped before the function it uses.
CREATE TABLE public.t (a integer);

CREATE FUNCTION public.int_close(integer, integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT abs($1 - $2) <= 1 $$;

CREATE OPERATOR public.=~ (
    FUNCTION = public.int_close,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(public.=~)
);
