-- schemerge migration plan

BEGIN;

-- set comment on column public.t.id
COMMENT ON COLUMN public.t.id IS NULL;

-- set comment on column public.t.price
COMMENT ON COLUMN public.t.price IS 'in cents';

COMMIT;
