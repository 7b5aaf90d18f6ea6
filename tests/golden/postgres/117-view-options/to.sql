CREATE TABLE public.t (id integer, owner_name text);
CREATE VIEW public.v WITH (security_barrier = true) AS SELECT id FROM public.t WHERE owner_name = current_user;
