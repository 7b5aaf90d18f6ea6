CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  author varchar(50) NOT NULL,
  slug varchar(100) NOT NULL,
  body text,
  created datetime,
  KEY idx_author (author, created DESC),
  UNIQUE KEY uq_slug (slug),
  FULLTEXT KEY ft_body (body),
  KEY idx_body_prefix (body(20)) COMMENT 'prefix'
);
