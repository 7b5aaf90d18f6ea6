CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  note varchar(50),
  qty smallint NOT NULL,
  amount decimal(8,2) NOT NULL,
  status enum('new','paid') NOT NULL DEFAULT 'new'
);
