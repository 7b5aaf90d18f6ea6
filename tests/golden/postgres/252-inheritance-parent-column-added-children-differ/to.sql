-- A new parent column reaches every child through ADD COLUMN; where a child's copy ends
-- different (its own default, NOT NULL), that child's own ALTER follows, with ONLY so
-- that a grandchild keeps what the parent gave it. An index on a child's copy waits for
-- the parent's ADD COLUMN.
CREATE TABLE public.jobs (
    id integer NOT NULL,
    name text,
    priority integer DEFAULT 5
);

CREATE TABLE public.jobs_nightly (
    cron text
)
INHERITS (public.jobs);

ALTER TABLE ONLY public.jobs_nightly ALTER COLUMN priority SET DEFAULT 1;

CREATE TABLE public.jobs_manual (
    requested_by text
)
INHERITS (public.jobs);

ALTER TABLE ONLY public.jobs_manual ALTER COLUMN priority SET NOT NULL;

CREATE TABLE public.jobs_manual_urgent (
)
INHERITS (public.jobs_manual);

ALTER TABLE ONLY public.jobs_manual_urgent ALTER COLUMN priority SET DEFAULT 9;

CREATE INDEX jobs_manual_priority_idx ON public.jobs_manual USING btree (priority);
