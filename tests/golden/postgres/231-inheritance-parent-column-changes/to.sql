-- The parent's columns change; the children follow without statements of their own:
-- a column added, one dropped (kept by the child that declares it too), a type widened,
-- a default set, NOT NULL set, a CHECK added.
CREATE TABLE public.measurements (
    id bigint NOT NULL,
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp bigint,
    note character varying(80) DEFAULT ''::character varying NOT NULL,
    recorded_by text,
    CONSTRAINT measurements_peaktemp_check CHECK ((peaktemp > '-100'::integer)),
    CONSTRAINT measurements_city_id_check CHECK ((city_id > 0))
);

CREATE TABLE public.measurements_2025 (
    region text,
    CONSTRAINT measurements_2025_logdate_check CHECK (((logdate >= '2025-01-01'::date) AND (logdate < '2026-01-01'::date)))
)
INHERITS (public.measurements);

CREATE TABLE public.measurements_2026 (
    unitsales integer,
    CONSTRAINT measurements_2026_logdate_check CHECK (((logdate >= '2026-01-01'::date) AND (logdate < '2027-01-01'::date)))
)
INHERITS (public.measurements);

ALTER TABLE ONLY public.measurements_2025 ALTER COLUMN note SET DEFAULT ''::character varying;
ALTER TABLE ONLY public.measurements_2026 ALTER COLUMN note SET DEFAULT ''::character varying;
