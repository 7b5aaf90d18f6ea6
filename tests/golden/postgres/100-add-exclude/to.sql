CREATE TABLE public.booking (room integer, during tsrange, CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&));
