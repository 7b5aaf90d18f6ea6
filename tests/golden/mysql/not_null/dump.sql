-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE accounts (
  id int NOT NULL,
  login varchar(40) NOT NULL,
  nickname varchar(40),
  PRIMARY KEY (id)
);
