-- schemerge migration plan

BEGIN;

-- drop column public.accounts.legacy_code
--   hazard data-loss: column legacy_code of public.accounts and its values are dropped
ALTER TABLE ONLY public.accounts DROP COLUMN legacy_code;

-- drop column public.accounts_trial.legacy_code
--   hazard data-loss: column legacy_code of public.accounts_trial and its values are dropped
ALTER TABLE public.accounts_trial DROP COLUMN legacy_code;

-- drop column public.accounts.region
--   hazard data-loss: column region of public.accounts and its values are dropped
ALTER TABLE public.accounts DROP COLUMN region;

COMMIT;
