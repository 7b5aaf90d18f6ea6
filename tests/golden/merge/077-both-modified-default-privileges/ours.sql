-- Shop schema: the common ancestor of every three-way merge golden case.
-- Each case directory holds ours.sql and theirs.sql, full schemas derived from this file.

CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE SEQUENCE public.invoice_number_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE public.schema_migrations (
    version character varying(32) PRIMARY KEY
);

CREATE TABLE public.customers (
    id serial PRIMARY KEY,
    email text NOT NULL,
    full_name text NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT customers_email_key UNIQUE (email)
);

COMMENT ON TABLE public.customers IS 'People who can place orders.';

CREATE TABLE public.addresses (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id) ON DELETE CASCADE,
    line1 text NOT NULL,
    city text NOT NULL,
    country_code character(2) NOT NULL,
    CONSTRAINT addresses_country_code_check CHECK (country_code ~ '^[A-Z]{2}$')
);

CREATE TABLE public.categories (
    id serial PRIMARY KEY,
    name text NOT NULL,
    parent_id integer REFERENCES public.categories (id),
    CONSTRAINT categories_name_key UNIQUE (name)
);

CREATE TABLE public.products (
    id serial PRIMARY KEY,
    sku character varying(32) NOT NULL,
    name text NOT NULL,
    category_id integer REFERENCES public.categories (id) ON DELETE SET NULL,
    price numeric(10,2) NOT NULL,
    stock integer NOT NULL DEFAULT 0,
    CONSTRAINT products_sku_key UNIQUE (sku),
    CONSTRAINT products_price_check CHECK (price >= 0)
);

COMMENT ON COLUMN public.products.sku IS 'Stock keeping unit.';

CREATE INDEX products_category_id_idx ON public.products (category_id);

CREATE TABLE public.orders (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    status public.order_status NOT NULL DEFAULT 'pending',
    invoice_number bigint DEFAULT nextval('public.invoice_number_seq'),
    total numeric(12,2) NOT NULL DEFAULT 0,
    placed_at timestamp with time zone NOT NULL DEFAULT now(),
    note text
);

CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);

CREATE INDEX orders_open_idx ON public.orders (placed_at) WHERE status = 'pending';

CREATE TABLE public.order_items (
    order_id integer NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES public.products (id),
    quantity integer NOT NULL,
    unit_price numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT order_items_quantity_check CHECK (quantity > 0)
);

CREATE TABLE public.payments (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES public.orders (id),
    amount numeric(12,2) NOT NULL,
    method text NOT NULL,
    paid_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE TABLE public.audit_log (
    id bigserial PRIMARY KEY,
    table_name text NOT NULL,
    row_id integer NOT NULL,
    action text NOT NULL,
    changed_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE FUNCTION public.log_order_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.audit_log (table_name, row_id, action)
    VALUES (TG_TABLE_NAME, NEW.id, TG_OP);
    RETURN NEW;
END;
$$;

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON public.orders
    FOR EACH ROW EXECUTE FUNCTION public.log_order_change();

CREATE VIEW public.order_totals AS
    SELECT o.id AS order_id, c.email, o.status, o.total
    FROM public.orders o
    JOIN public.customers c ON c.id = o.customer_id;

COMMENT ON VIEW public.order_totals IS 'One row per order with its customer.';

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;

CREATE POLICY orders_owner ON public.orders
    USING (customer_id = current_setting('app.customer_id')::integer);

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app_reader;
