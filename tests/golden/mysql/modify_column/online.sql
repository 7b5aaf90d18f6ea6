-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE orders needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- alter type of column orders.note; alter type of column orders.qty; alter type of column orders.amount; alter type of column orders.status
--   hazard table-rewrite: column orders.note: varchar(50) -> text rebuilds the table
--   hazard copy-algorithm: column orders.note: varchar(50) -> text needs ALGORITHM=COPY
--   hazard table-rewrite: column orders.qty: smallint -> int rebuilds the table
--   hazard copy-algorithm: column orders.qty: smallint -> int needs ALGORITHM=COPY
--   hazard table-rewrite: column orders.amount: decimal(8,2) -> decimal(12,2) rebuilds the table
--   hazard copy-algorithm: column orders.amount: decimal(8,2) -> decimal(12,2) needs ALGORITHM=COPY
ALTER TABLE orders
  MODIFY COLUMN note text,
  MODIFY COLUMN qty int NOT NULL,
  MODIFY COLUMN amount decimal(12,2) NOT NULL,
  MODIFY COLUMN status enum('new','paid','shipped') NOT NULL DEFAULT 'new';
