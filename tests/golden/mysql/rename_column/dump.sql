-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE people (
  id int NOT NULL,
  display_name varchar(100) NOT NULL,
  email varchar(200),
  PRIMARY KEY (id)
);
