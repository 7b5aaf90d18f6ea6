-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE items (
  id bigint unsigned NOT NULL AUTO_INCREMENT,
  title varchar(200) NOT NULL,
  price decimal(10,2) NOT NULL DEFAULT '0.00',
  PRIMARY KEY (id)
);
