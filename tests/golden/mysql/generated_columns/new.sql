CREATE TABLE boxes (
  id int NOT NULL PRIMARY KEY,
  w int NOT NULL,
  h int NOT NULL,
  area int GENERATED ALWAYS AS (w * h) VIRTUAL,
  perimeter int GENERATED ALWAYS AS (2 * (w + h)) STORED,
  KEY idx_area (area)
);
