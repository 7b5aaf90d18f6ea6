CREATE FUNCTION public.greet(name text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$BEGIN RETURN 'hi ' || name || '!'; END$$;
