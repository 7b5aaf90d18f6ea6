-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE authors (
  id int NOT NULL,
  name varchar(50) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_name (name)
);

CREATE TABLE editors (
  id int NOT NULL,
  author_name varchar(50),
  PRIMARY KEY (id),
  KEY fk_editor_author (author_name),
  CONSTRAINT fk_editor_author FOREIGN KEY (author_name) REFERENCES authors (name) ON UPDATE CASCADE
);

CREATE TABLE books (
  id int NOT NULL,
  author_id int NOT NULL,
  editor_id int,
  PRIMARY KEY (id),
  KEY fk_books_author (author_id),
  KEY fk_books_editor (editor_id),
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
  CONSTRAINT fk_books_editor FOREIGN KEY (editor_id) REFERENCES editors (id) ON DELETE SET NULL
);
