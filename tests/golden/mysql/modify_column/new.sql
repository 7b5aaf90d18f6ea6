CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  note text,
  qty int NOT NULL,
  amount decimal(12,2) NOT NULL,
  status enum('new','paid','shipped') NOT NULL DEFAULT 'new'
);
