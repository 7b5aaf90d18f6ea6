CREATE TYPE public.level AS ENUM ('low', 'high');
ALTER TYPE public.level ADD VALUE 'medium' AFTER 'low';
