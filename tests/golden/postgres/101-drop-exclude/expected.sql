-- schemerge migration plan

BEGIN;

-- drop constraint public.booking.booking_no_overlap
ALTER TABLE public.booking DROP CONSTRAINT booking_no_overlap;

COMMIT;
