CREATE TABLE products (
  id int NOT NULL PRIMARY KEY,
  price decimal(10,2) NOT NULL,
  stock int NOT NULL,
  CONSTRAINT chk_price CHECK (price >= 0),
  CONSTRAINT chk_stock CHECK (stock >= 0)
);
