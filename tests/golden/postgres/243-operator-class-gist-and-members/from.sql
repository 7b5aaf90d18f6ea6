CREATE TABLE shapes (
    id integer PRIMARY KEY,
    bounds box,
    size integer
);
