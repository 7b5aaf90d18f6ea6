CREATE TABLE authors (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL
);
CREATE TABLE books (
  id int NOT NULL PRIMARY KEY,
  author_id int NOT NULL,
  editor_id int,
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)
);
