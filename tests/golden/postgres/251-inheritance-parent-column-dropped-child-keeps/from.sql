CREATE TABLE public.accounts (
    id integer NOT NULL,
    legacy_code text,
    region text DEFAULT 'eu'::text
);

CREATE TABLE public.accounts_archive (
    closed_at date
)
INHERITS (public.accounts);

CREATE TABLE public.accounts_trial (
    region text DEFAULT 'eu'::text,
    expires_at date
)
INHERITS (public.accounts);
