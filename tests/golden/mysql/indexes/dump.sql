-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE posts (
  id int NOT NULL,
  author varchar(50) NOT NULL,
  slug varchar(100) NOT NULL,
  body text,
  created datetime,
  PRIMARY KEY (id),
  FULLTEXT KEY ft_body (body),
  KEY idx_author (author,created DESC),
  KEY idx_body_prefix (body(20)) COMMENT 'prefix',
  UNIQUE KEY uq_slug (slug)
);
