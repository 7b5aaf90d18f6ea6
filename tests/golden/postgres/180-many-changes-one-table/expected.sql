-- schemerge migration plan

BEGIN;

-- drop column public.account.legacy_flag
--   hazard data-loss: column legacy_flag of public.account and its values are dropped
ALTER TABLE public.account DROP COLUMN legacy_flag;

-- add column public.account.created_at
ALTER TABLE public.account ADD COLUMN created_at timestamp with time zone DEFAULT now() NOT NULL;

-- alter type of column public.account.balance
--   hazard table-rewrite: table public.account and its indexes are rewritten to convert column balance
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the change
ALTER TABLE public.account ALTER COLUMN balance TYPE bigint USING balance::bigint;

-- alter type of column public.account.login
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the change
ALTER TABLE public.account ALTER COLUMN login TYPE character varying(80) USING login::character varying(80);

-- set not null on column public.account.balance
--   hazard not-null-on-existing-column: the statement fails if a row of public.account holds NULL in balance
--   hazard validation-scan: table public.account is scanned for NULLs
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the scan
ALTER TABLE public.account ALTER COLUMN balance SET NOT NULL;

-- set not null on column public.account.login
--   hazard not-null-on-existing-column: the statement fails if a row of public.account holds NULL in login
--   hazard validation-scan: table public.account is scanned for NULLs
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the scan
ALTER TABLE public.account ALTER COLUMN login SET NOT NULL;

-- add constraint public.account.account_login_key
--   hazard validation-scan: an index is built on public.account and every row is checked
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the build
ALTER TABLE ONLY public.account ADD CONSTRAINT account_login_key UNIQUE (login);

-- add constraint public.account.account_pkey
--   hazard validation-scan: an index is built on public.account and every row is checked
--   hazard access-exclusive-lock: table public.account is locked against reads and writes during the build
ALTER TABLE ONLY public.account ADD CONSTRAINT account_pkey PRIMARY KEY (id);

-- create index public.account_created_at_idx
--   hazard blocking-index-build: writes to public.account are blocked while the index is built
CREATE INDEX account_created_at_idx ON public.account USING btree (created_at);

-- set comment on column public.account.balance
COMMENT ON COLUMN public.account.balance IS 'in cents';

COMMIT;
