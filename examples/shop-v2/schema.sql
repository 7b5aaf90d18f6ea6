-- The shop of examples/shop, one release later (the `schemerge diff` example):
-- a new order status, customers get a phone number, a wider price, an index on
-- order status, and the customers' email column renamed to login.

create schema reporting;
comment on schema reporting is 'Read-only views for the reporting team';

create type order_status as enum ('pending', 'paid', 'shipped', 'refunded', 'cancelled');

create table customers (
    id         serial primary key,
    login      varchar(255) not null unique, -- schemerge:renamed-from email
    full_name  text not null,
    phone      text,
    created_at timestamptz not null default now()
);

create table products (
    id          serial primary key,
    sku         varchar(32) not null unique,
    name        text not null,
    price_cents int8 not null check (price_cents >= 0),
    active      bool not null default true
);

create table orders (
    id          serial primary key,
    customer_id int4 not null references customers (id) on delete restrict,
    status      order_status not null default 'pending',
    total_cents int4 not null default 0 check (total_cents >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index orders_customer_id_idx on orders (customer_id);
create index orders_status_idx on orders (status) where status <> 'cancelled';

create table order_items (
    order_id         int4 not null references orders (id) on delete cascade,
    product_id       int4 not null references products,
    quantity         int4 not null check (quantity > 0),
    unit_price_cents int4 not null,
    primary key (order_id, product_id)
);

create function touch_updated_at() returns trigger
language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

create trigger orders_touch_updated_at
    before update on orders
    for each row execute function touch_updated_at();

create view reporting.order_totals as
    select o.id as order_id, c.login, o.status,
           sum(i.quantity * i.unit_price_cents) as items_cents
      from orders o
      join customers c on c.id = o.customer_id
      left join order_items i on i.order_id = o.id
     group by o.id, c.login, o.status;

comment on table orders is 'One row per checkout';
comment on column orders.total_cents is 'Total charged, in cents, taxes included';
