-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE orders (
  id int NOT NULL,
  note text,
  qty int NOT NULL,
  amount decimal(12,2) NOT NULL,
  status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
  PRIMARY KEY (id)
);
