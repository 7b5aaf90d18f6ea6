CREATE TYPE complex AS (re double precision, im double precision);

CREATE TABLE readings (
    id integer PRIMARY KEY,
    value complex
);

-- Still indexed: by the built-in record_ops now.
CREATE INDEX readings_value_abs ON readings (value);
