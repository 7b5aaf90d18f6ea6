-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop constraint books.fk_books_author
ALTER TABLE books
  DROP FOREIGN KEY fk_books_author;

-- create index authors.uq_name
--   hazard validation-scan: unique index uq_name fails on duplicate values
ALTER TABLE authors
  ADD UNIQUE KEY uq_name (name),
  ALGORITHM=INPLACE, LOCK=NONE;

-- create index books.fk_books_editor
ALTER TABLE books
  ADD KEY fk_books_editor (editor_id),
  ALGORITHM=INPLACE, LOCK=NONE;

-- create table editors
CREATE TABLE editors (
  id int NOT NULL,
  author_name varchar(50),
  PRIMARY KEY (id),
  KEY fk_editor_author (author_name),
  CONSTRAINT fk_editor_author FOREIGN KEY (author_name) REFERENCES authors (name) ON UPDATE CASCADE
);

-- add constraint books.fk_books_author; add constraint books.fk_books_editor
--   hazard validation-scan: foreign key fk_books_author is checked against every row of books
--   hazard copy-algorithm: adding foreign key fk_books_author with foreign_key_checks on needs ALGORITHM=COPY
--   hazard validation-scan: foreign key fk_books_editor is checked against every row of books
--   hazard copy-algorithm: adding foreign key fk_books_editor with foreign_key_checks on needs ALGORITHM=COPY
ALTER TABLE books
  ADD CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
  ADD CONSTRAINT fk_books_editor FOREIGN KEY (editor_id) REFERENCES editors (id) ON DELETE SET NULL;
