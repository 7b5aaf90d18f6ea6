-- schemerge migration plan

BEGIN;

-- replace view public.v
CREATE OR REPLACE VIEW public.v WITH (security_barrier=true) AS
SELECT id FROM public.t WHERE owner_name = current_user;

COMMIT;
