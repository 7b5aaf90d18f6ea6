-- schemerge migration plan

BEGIN;

-- add column public.Order Items.Note
ALTER TABLE public."Order Items" ADD COLUMN "Note" text;

-- alter type of column public.Order Items.unitPrice
--   hazard data-loss: column unitPrice: unconstrained numeric values round or overflow in numeric(10,2)
--   hazard table-rewrite: table public."Order Items" and its indexes are rewritten to convert column unitPrice
--   hazard access-exclusive-lock: table public."Order Items" is locked against reads and writes during the change
ALTER TABLE public."Order Items" ALTER COLUMN "unitPrice" TYPE numeric(10,2) USING "unitPrice"::numeric(10,2);

-- set not null on column public.Order Items.Id
--   hazard not-null-on-existing-column: the statement fails if a row of public."Order Items" holds NULL in Id
--   hazard validation-scan: table public."Order Items" is scanned for NULLs
--   hazard access-exclusive-lock: table public."Order Items" is locked against reads and writes during the scan
ALTER TABLE public."Order Items" ALTER COLUMN "Id" SET NOT NULL;

-- add constraint public.Order Items.Order Items_pkey
--   hazard validation-scan: an index is built on public."Order Items" and every row is checked
--   hazard access-exclusive-lock: table public."Order Items" is locked against reads and writes during the build
ALTER TABLE ONLY public."Order Items" ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY ("Id");

-- create index public.Order Items_Note
--   hazard blocking-index-build: writes to public."Order Items" are blocked while the index is built
CREATE INDEX "Order Items_Note" ON public."Order Items" USING btree ("Note");

COMMIT;
