-- schemerge migration plan

BEGIN;

-- replace function public.greet(text)
CREATE OR REPLACE FUNCTION public.greet(name text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$BEGIN RETURN 'hi ' || name || '!'; END$$;

COMMIT;
