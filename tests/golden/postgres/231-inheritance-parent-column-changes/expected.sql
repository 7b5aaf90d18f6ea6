-- schemerge migration plan

BEGIN;

-- drop column public.measurements.unitsales
--   hazard data-loss: column unitsales of public.measurements and its values are dropped
ALTER TABLE public.measurements DROP COLUMN unitsales;

-- add column public.measurements.recorded_by
ALTER TABLE public.measurements ADD COLUMN recorded_by text;

-- alter type of column public.measurements.note
--   hazard access-exclusive-lock: table public.measurements is locked against reads and writes during the change
ALTER TABLE public.measurements ALTER COLUMN note TYPE character varying(80) USING note::character varying(80);

-- alter type of column public.measurements.peaktemp
--   hazard table-rewrite: table public.measurements and its indexes are rewritten to convert column peaktemp
--   hazard access-exclusive-lock: table public.measurements is locked against reads and writes during the change
ALTER TABLE public.measurements ALTER COLUMN peaktemp TYPE bigint USING peaktemp::bigint;

-- set default of column public.measurements.note
ALTER TABLE public.measurements ALTER COLUMN note SET DEFAULT '';

-- set not null on column public.measurements.note
--   hazard not-null-on-existing-column: the statement fails if a row of public.measurements holds NULL in note
--   hazard validation-scan: table public.measurements is scanned for NULLs
--   hazard access-exclusive-lock: table public.measurements is locked against reads and writes during the scan
ALTER TABLE public.measurements ALTER COLUMN note SET NOT NULL;

-- add constraint public.measurements.measurements_city_id_check
--   hazard validation-scan: table public.measurements is scanned to check every row
--   hazard access-exclusive-lock: table public.measurements is locked against reads and writes during the scan
ALTER TABLE public.measurements ADD CONSTRAINT measurements_city_id_check CHECK (city_id > 0);

COMMIT;
