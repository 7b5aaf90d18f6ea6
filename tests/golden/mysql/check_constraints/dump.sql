-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE products (
  id int NOT NULL,
  price decimal(10,2) NOT NULL,
  stock int NOT NULL,
  discount int NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  CONSTRAINT chk_discount CHECK (discount BETWEEN 0 AND 100),
  CONSTRAINT chk_price CHECK (price > 0)
);
