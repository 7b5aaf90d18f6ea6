-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE settings (
  id int NOT NULL,
  theme varchar(20) NOT NULL DEFAULT 'dark',
  retries int NOT NULL,
  flag tinyint(1) DEFAULT '1',
  PRIMARY KEY (id)
);
