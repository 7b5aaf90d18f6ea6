-- Two columns leave the parent. legacy_code: the archive keeps it (only inherited
-- before, its own after), the trial table loses it: ALTER TABLE ONLY on the parent,
-- then the trial table drops its copy (PostgreSQL refuses to drop an inherited column
-- before). region: the trial table declares it itself, so the recursing DROP leaves it
-- there and takes the archive's.
CREATE TABLE public.accounts (
    id integer NOT NULL
);

CREATE TABLE public.accounts_archive (
    legacy_code text,
    closed_at date
)
INHERITS (public.accounts);

CREATE TABLE public.accounts_trial (
    region text DEFAULT 'eu'::text,
    expires_at date
)
INHERITS (public.accounts);
