CREATE TABLE accounts (
  id int NOT NULL PRIMARY KEY,
  login varchar(40) NOT NULL,
  nickname varchar(40)
);
