CREATE TABLE public.events (id integer NOT NULL, kind text);

CREATE MATERIALIZED VIEW public.event_kinds AS
 SELECT events.kind, count(*) AS n
   FROM public.events
  GROUP BY events.kind
  WITH NO DATA;

ALTER MATERIALIZED VIEW public.event_kinds ALTER COLUMN kind SET STATISTICS 200;
ALTER TABLE ONLY public.event_kinds ALTER COLUMN n SET (n_distinct=-0.5);
