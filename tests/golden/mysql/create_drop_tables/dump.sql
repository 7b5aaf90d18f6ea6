-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE a (
  id int NOT NULL,
  PRIMARY KEY (id)
);

CREATE TABLE b_child (
  id int NOT NULL,
  parent int,
  a_id int,
  PRIMARY KEY (id),
  KEY fk_b_a (a_id),
  KEY fk_b_parent (parent),
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)
);

CREATE TABLE z_parent (
  id int NOT NULL,
  other int,
  PRIMARY KEY (id),
  KEY other (other),
  CONSTRAINT fk_cycle FOREIGN KEY (other) REFERENCES b_child (id)
);

ALTER TABLE b_child ADD CONSTRAINT fk_b_parent FOREIGN KEY (parent) REFERENCES z_parent (id);
