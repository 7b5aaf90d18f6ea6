CREATE TABLE a (
  id int NOT NULL PRIMARY KEY
);
CREATE TABLE old_child (
  id int NOT NULL PRIMARY KEY,
  a_id int,
  CONSTRAINT fk_old_a FOREIGN KEY (a_id) REFERENCES a (id)
);
CREATE TABLE old_parent (
  id int NOT NULL PRIMARY KEY
);
CREATE TABLE old_grandchild (
  id int NOT NULL PRIMARY KEY,
  p int,
  CONSTRAINT fk_gc FOREIGN KEY (p) REFERENCES old_parent (id)
);
