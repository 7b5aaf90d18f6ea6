CREATE TABLE settings (
  id int NOT NULL PRIMARY KEY,
  theme varchar(20) NOT NULL DEFAULT 'light',
  retries int NOT NULL DEFAULT 3,
  flag tinyint(1) DEFAULT NULL
);
