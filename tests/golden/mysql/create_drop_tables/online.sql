-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop table old_child
--   hazard data-loss: table old_child and its rows are dropped
DROP TABLE old_child;

-- drop table old_grandchild
--   hazard data-loss: table old_grandchild and its rows are dropped
DROP TABLE old_grandchild;

-- drop table old_parent
--   hazard data-loss: table old_parent and its rows are dropped
DROP TABLE old_parent;

-- create table b_child
CREATE TABLE b_child (
  id int NOT NULL,
  parent int,
  a_id int,
  PRIMARY KEY (id),
  KEY fk_b_a (a_id),
  KEY fk_b_parent (parent),
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)
);

-- create table z_parent
CREATE TABLE z_parent (
  id int NOT NULL,
  other int,
  PRIMARY KEY (id),
  KEY other (other),
  CONSTRAINT fk_cycle FOREIGN KEY (other) REFERENCES b_child (id)
);

-- add foreign key b_child.fk_b_parent
--   hazard validation-scan: foreign key fk_b_parent is checked against every row of b_child
ALTER TABLE b_child
  ADD CONSTRAINT fk_b_parent FOREIGN KEY (parent) REFERENCES z_parent (id);
