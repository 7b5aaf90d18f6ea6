CREATE TYPE public.pair AS (a integer, b integer, c text);
