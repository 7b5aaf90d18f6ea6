CREATE TABLE profiles (
  id int NOT NULL PRIMARY KEY,
  bio text,
  avatar varchar(200),
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  score int NOT NULL DEFAULT 0
);
