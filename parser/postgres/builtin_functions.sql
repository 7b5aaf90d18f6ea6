-- Regenerates the rows of builtin_functions.cpp from a PostgreSQL 15 catalog:
--   psql -At -f parser/postgres/builtin_functions.sql > rows.txt
-- Every function, aggregate and window function of pg_catalog that SQL can call (no
-- `internal` argument): name, input argument types (format_type), result type, whether
-- the last argument is VARIADIC, how many trailing arguments have defaults.
SELECT row FROM (
  SELECT p.proname AS name,
         format('    {"%s", "%s", "%s", %s, %s},', p.proname,
                replace(coalesce((SELECT string_agg(format_type(t, NULL), ',' ORDER BY i)
                                  FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, i)), ''), '"', '\"'),
                replace(CASE WHEN p.proretset THEN 'setof ' ELSE '' END || format_type(p.prorettype, NULL), '"', '\"'),
                CASE WHEN p.provariadic <> 0 THEN 'true' ELSE 'false' END,
                p.pronargdefaults) AS row
  FROM pg_proc p
  WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind IN ('f', 'a', 'w')
    AND NOT 'internal'::regtype = ANY (p.proargtypes::oid[])
) x
ORDER BY name COLLATE "C", row COLLATE "C";
-- The implicit casts (pg_cast.castcontext = 'i') between built-in types, for the second
-- table of builtin_functions.cpp:
SELECT row FROM (
  SELECT format('    {"%s", "%s"},', replace(format_type(castsource, NULL), '"', '\"'),
                replace(format_type(casttarget, NULL), '"', '\"')) AS row
  FROM pg_cast WHERE castcontext = 'i'
) x
ORDER BY row COLLATE "C";
