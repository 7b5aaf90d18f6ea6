CREATE TABLE clients (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL
);
CREATE TABLE invoices (
  id int NOT NULL PRIMARY KEY,
  client_id int NOT NULL,
  CONSTRAINT fk_invoice_client FOREIGN KEY (client_id) REFERENCES clients (id)
);
