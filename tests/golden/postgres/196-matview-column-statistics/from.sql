-- A materialized view's column statistics target and attribute options are kept and
-- planned in place (the view is not dropped and refilled).
CREATE TABLE public.events (id integer NOT NULL, kind text);

CREATE MATERIALIZED VIEW public.event_kinds AS
 SELECT events.kind, count(*) AS n
   FROM public.events
  GROUP BY events.kind
  WITH NO DATA;
