CREATE TABLE products (
  id int NOT NULL PRIMARY KEY,
  price decimal(10,2) NOT NULL,
  stock int NOT NULL,
  discount int NOT NULL DEFAULT 0,
  CONSTRAINT chk_price CHECK (price > 0),
  CONSTRAINT chk_discount CHECK (discount between 0 and 100)
);
