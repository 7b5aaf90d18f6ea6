-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE events needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)
-- note: ALTER TABLE logs needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- alter table events; alter type of column events.id; set default of column events.updated_at; set not null on column events.updated_at; alter options of column events.updated_at
--   hazard table-rewrite: column events.id: int -> bigint rebuilds the table
--   hazard copy-algorithm: column events.id: int -> bigint needs ALGORITHM=COPY
--   hazard not-null-on-existing-column: column events.updated_at becomes NOT NULL: existing NULLs make the statement fail (strict mode) or become the type's zero value
--   hazard table-rewrite: NOT NULL on events.updated_at rebuilds the table
--   hazard table-rewrite: changing the engine of events copies the table
--   hazard copy-algorithm: ENGINE= needs ALGORITHM=COPY
ALTER TABLE events
  MODIFY COLUMN id bigint NOT NULL AUTO_INCREMENT,
  MODIFY COLUMN updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ENGINE=InnoDB;

-- alter table logs; set comment on table logs; convert column logs.msg to the table's character set
--   hazard data-loss: column logs.msg moves to character set latin1: characters it cannot hold are lost
--   hazard table-rewrite: column logs.msg is converted to another character set
--   hazard copy-algorithm: converting column logs.msg copies the table
--   hazard table-rewrite: ROW_FORMAT= rebuilds the table
ALTER TABLE logs
  MODIFY COLUMN msg varchar(200),
  DEFAULT CHARSET=latin1,
  ROW_FORMAT=DYNAMIC,
  COMMENT='new comment';
