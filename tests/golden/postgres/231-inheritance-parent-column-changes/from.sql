CREATE TABLE public.measurements (
    id bigint NOT NULL,
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer,
    note character varying(40),
    CONSTRAINT measurements_peaktemp_check CHECK ((peaktemp > '-100'::integer))
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
