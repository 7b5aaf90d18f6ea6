-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE children needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)
-- note: ALTER TABLE parents needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- drop foreign key children.fk_child_parent while a column it uses changes type
--   hazard dependents-recreated: foreign key fk_child_parent is dropped before a column it uses changes type and added again after
ALTER TABLE children
  DROP FOREIGN KEY fk_child_parent;

-- alter type of column children.parent_id
--   hazard table-rewrite: column children.parent_id: int -> bigint rebuilds the table
--   hazard copy-algorithm: column children.parent_id: int -> bigint needs ALGORITHM=COPY
ALTER TABLE children
  MODIFY COLUMN parent_id bigint NOT NULL;

-- alter type of column parents.id
--   hazard table-rewrite: column parents.id: int -> bigint rebuilds the table
--   hazard copy-algorithm: column parents.id: int -> bigint needs ALGORITHM=COPY
ALTER TABLE parents
  MODIFY COLUMN id bigint NOT NULL;

-- add again foreign key children.fk_child_parent
--   hazard validation-scan: foreign key fk_child_parent is checked against every row of children
--   hazard copy-algorithm: adding foreign key fk_child_parent with foreign_key_checks on needs ALGORITHM=COPY
ALTER TABLE children
  ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parents (id);
