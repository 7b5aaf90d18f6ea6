-- Helpdesk: customers open tickets, agents answer them.
-- The demo repository's db/schema.sql (see README.md for the branches).

create type ticket_status as enum ('open', 'pending', 'resolved', 'closed');

create table customers (
    id         bigint generated always as identity primary key,
    email      varchar(254) not null unique,
    full_name  text not null,
    created_at timestamptz not null default now()
);

create table agents (
    id        bigint generated always as identity primary key,
    email     varchar(100) not null unique,
    full_name text not null,
    active    boolean not null default true
);

create table tickets (
    id          bigint generated always as identity primary key,
    customer_id bigint not null references customers (id),
    assignee_id bigint references agents (id) on delete set null,
    subject     text not null,
    status      ticket_status not null default 'open',
    priority    smallint not null default 3 check (priority between 1 and 5),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index tickets_customer_id_idx on tickets (customer_id);
create index tickets_assignee_id_idx on tickets (assignee_id);

create table ticket_comments (
    id         bigint generated always as identity primary key,
    ticket_id  bigint not null references tickets (id) on delete cascade,
    agent_id   bigint references agents (id),
    body       text not null,
    internal   boolean not null default false,
    created_at timestamptz not null default now()
);

create table tags (
    id   integer generated always as identity primary key,
    name text not null unique
);

create table ticket_tags (
    ticket_id bigint not null references tickets (id) on delete cascade,
    tag_id    integer not null references tags (id) on delete cascade,
    primary key (ticket_id, tag_id)
);

create function touch_updated_at() returns trigger
language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

create trigger tickets_touch_updated_at
    before update on tickets
    for each row execute function touch_updated_at();

create view open_tickets as
    select t.id, t.subject, t.priority, t.status, t.assignee_id, t.created_at
      from tickets t
     where t.status in ('open', 'pending');

comment on table tickets is 'A customer request, worked on by at most one agent';
