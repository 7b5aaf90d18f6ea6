-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE boxes (
  id int NOT NULL,
  w int NOT NULL,
  h int NOT NULL,
  area int GENERATED ALWAYS AS (w * h) VIRTUAL,
  perimeter int GENERATED ALWAYS AS (2 * (w + h)) STORED,
  PRIMARY KEY (id),
  KEY idx_area (area)
);
