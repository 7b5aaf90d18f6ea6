CREATE TABLE public.jobs (
    id integer NOT NULL,
    name text
);

CREATE TABLE public.jobs_nightly (
    cron text
)
INHERITS (public.jobs);

CREATE TABLE public.jobs_manual (
    requested_by text
)
INHERITS (public.jobs);

CREATE TABLE public.jobs_manual_urgent (
)
INHERITS (public.jobs_manual);
