CREATE TABLE people (
  id int NOT NULL PRIMARY KEY,
  -- schemerge:renamed-from fullname
  display_name varchar(100) NOT NULL,
  -- schemerge:renamed-from mail
  email varchar(200)
);
