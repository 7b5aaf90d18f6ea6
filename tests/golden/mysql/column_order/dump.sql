-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE profiles (
  id int NOT NULL,
  score bigint NOT NULL DEFAULT '0',
  avatar varchar(200),
  bio text,
  locale varchar(10) DEFAULT 'en',
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY (id)
);
