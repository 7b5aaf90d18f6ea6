-- schemerge migration plan

BEGIN;

-- drop table public.bookings
--   hazard data-loss: table public.bookings and all its rows are dropped
DROP TABLE public.bookings;

-- drop operator class public.box_hash3_ops USING gist
DROP OPERATOR CLASS public.box_hash3_ops USING gist;

-- drop operator family public.box_hash3_ops USING gist
DROP OPERATOR FAMILY public.box_hash3_ops USING gist;

-- drop operator public.###(box, box)
DROP OPERATOR public.### (box, box);

-- drop function public.box_overlaps(box, box)
DROP FUNCTION public.box_overlaps(box, box);

-- drop table public.buckets
--   hazard data-loss: table public.buckets and all its rows are dropped
DROP TABLE public.buckets;

-- drop operator class public.int_seeded_hash_ops USING hash
DROP OPERATOR CLASS public.int_seeded_hash_ops USING hash;

-- drop operator family public.int_seeded_hash_ops USING hash
DROP OPERATOR FAMILY public.int_seeded_hash_ops USING hash;

-- drop function public.int_hash_seeded(integer, bigint)
DROP FUNCTION public.int_hash_seeded(integer, bigint);

-- drop table public.readings
--   hazard data-loss: table public.readings and all its rows are dropped
DROP TABLE public.readings;

-- drop operator class public.int_reverse_ops USING btree
DROP OPERATOR CLASS public.int_reverse_ops USING btree;

-- drop operator family public.int_reverse_ops USING btree
DROP OPERATOR FAMILY public.int_reverse_ops USING btree;

COMMIT;
