-- schemerge:renamed-from client
CREATE TABLE public.customer (id integer, name text NOT NULL);
