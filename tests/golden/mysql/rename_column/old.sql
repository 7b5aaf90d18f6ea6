CREATE TABLE people (
  id int NOT NULL PRIMARY KEY,
  fullname varchar(100) NOT NULL,
  mail varchar(100)
);
