-- schemerge:renamed-from clients
CREATE TABLE customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  vip tinyint(1) NOT NULL DEFAULT 0
);
CREATE TABLE invoices (
  id int NOT NULL PRIMARY KEY,
  client_id int NOT NULL,
  CONSTRAINT fk_invoice_client FOREIGN KEY (client_id) REFERENCES customers (id)
);
