CREATE TABLE boxes (
  id int NOT NULL PRIMARY KEY,
  w int NOT NULL,
  h int NOT NULL
);
