CREATE TABLE public.log (id bigserial PRIMARY KEY, msg text);
