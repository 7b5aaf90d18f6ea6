CREATE TABLE public.account (
    id integer PRIMARY KEY,
    login varchar(80) NOT NULL UNIQUE,
    balance bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX account_created_at_idx ON public.account (created_at);
COMMENT ON COLUMN public.account.balance IS 'in cents';
