CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  author varchar(50) NOT NULL,
  slug varchar(100) NOT NULL,
  body text,
  created datetime,
  KEY idx_author (author),
  KEY idx_created (created)
);
