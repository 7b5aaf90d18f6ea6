CREATE TABLE items (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title varchar(200) NOT NULL,
  legacy_code char(8) DEFAULT NULL,
  price decimal(10,2) NOT NULL DEFAULT 0,
  KEY idx_legacy (legacy_code)
);
