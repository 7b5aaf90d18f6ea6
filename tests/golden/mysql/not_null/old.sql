CREATE TABLE accounts (
  id int NOT NULL PRIMARY KEY,
  login varchar(40),
  nickname varchar(40) NOT NULL
);
