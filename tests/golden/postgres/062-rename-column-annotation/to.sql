CREATE TABLE public.t (
    id integer,
    display_name text NOT NULL -- schemerge:renamed-from fullname
);
