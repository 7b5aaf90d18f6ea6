CREATE TYPE complex AS (re double precision, im double precision);

CREATE TABLE readings (
    id integer PRIMARY KEY,
    value complex
);
