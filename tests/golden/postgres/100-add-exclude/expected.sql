-- schemerge migration plan

BEGIN;

-- add constraint public.booking.booking_no_overlap
--   hazard validation-scan: an index is built on public.booking and every row is checked
--   hazard access-exclusive-lock: table public.booking is locked against reads and writes during the build
ALTER TABLE ONLY public.booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&);

COMMIT;
