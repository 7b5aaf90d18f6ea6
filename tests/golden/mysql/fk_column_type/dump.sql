-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE parents (
  id bigint NOT NULL,
  PRIMARY KEY (id)
);

CREATE TABLE children (
  id int NOT NULL,
  parent_id bigint NOT NULL,
  PRIMARY KEY (id),
  KEY parent_id (parent_id),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);
