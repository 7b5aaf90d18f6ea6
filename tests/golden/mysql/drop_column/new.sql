CREATE TABLE items (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title varchar(200) NOT NULL,
  price decimal(10,2) NOT NULL DEFAULT 0
);
