-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE accounts (
  id int NOT NULL AUTO_INCREMENT,
  login varchar(40) NOT NULL,
  email varchar(255),
  display_name varchar(100) NOT NULL,
  plan varchar(20) NOT NULL DEFAULT 'basic',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE events (
  id int NOT NULL,
  happened_at datetime NOT NULL,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE tags (
  id int NOT NULL,
  label varchar(100) NOT NULL,
  color varchar(7),
  PRIMARY KEY (id),
  FULLTEXT KEY ft_label (label)
) DEFAULT CHARSET=utf8mb4;
