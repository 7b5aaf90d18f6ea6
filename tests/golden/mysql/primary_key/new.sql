CREATE TABLE tags (
  name varchar(40) NOT NULL,
  kind varchar(10) NOT NULL,
  PRIMARY KEY (name, kind)
);
