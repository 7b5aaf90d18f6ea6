CREATE TYPE public.order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE public.orders (id integer PRIMARY KEY, status public.order_status DEFAULT 'new' NOT NULL);
