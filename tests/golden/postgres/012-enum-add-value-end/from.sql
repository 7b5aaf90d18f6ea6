CREATE TYPE public.order_status AS ENUM ('new', 'paid');
CREATE TABLE public.orders (id integer, status public.order_status);
