CREATE COLLATION public.bytewise (lc_collate = 'C', lc_ctype = 'C');
CREATE TABLE public.t (id integer);
