-- schemerge migration plan

BEGIN;

-- replace function public.touch()
CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END$$;

COMMIT;
