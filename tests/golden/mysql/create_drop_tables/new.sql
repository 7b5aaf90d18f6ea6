CREATE TABLE a (
  id int NOT NULL PRIMARY KEY
);
CREATE TABLE z_parent (
  id int NOT NULL PRIMARY KEY,
  other int,
  KEY other (other)
);
CREATE TABLE b_child (
  id int NOT NULL PRIMARY KEY,
  parent int,
  a_id int,
  CONSTRAINT fk_b_parent FOREIGN KEY (parent) REFERENCES z_parent (id),
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)
);
ALTER TABLE z_parent ADD CONSTRAINT fk_cycle FOREIGN KEY (other) REFERENCES b_child (id);
