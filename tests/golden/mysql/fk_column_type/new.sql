CREATE TABLE parents (
  id bigint NOT NULL PRIMARY KEY
);
CREATE TABLE children (
  id int NOT NULL PRIMARY KEY,
  parent_id bigint NOT NULL,
  KEY parent_id (parent_id),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);
