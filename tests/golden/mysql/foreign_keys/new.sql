CREATE TABLE authors (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  UNIQUE KEY uq_name (name)
);
CREATE TABLE editors (
  id int NOT NULL PRIMARY KEY,
  author_name varchar(50),
  CONSTRAINT fk_editor_author FOREIGN KEY (author_name) REFERENCES authors (name) ON UPDATE CASCADE
);
CREATE TABLE books (
  id int NOT NULL PRIMARY KEY,
  author_id int NOT NULL,
  editor_id int,
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
  CONSTRAINT fk_books_editor FOREIGN KEY (editor_id) REFERENCES editors (id) ON DELETE SET NULL
);
