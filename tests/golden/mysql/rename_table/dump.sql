-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE customers (
  id int NOT NULL,
  name varchar(50) NOT NULL,
  vip tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
);

CREATE TABLE invoices (
  id int NOT NULL,
  client_id int NOT NULL,
  PRIMARY KEY (id),
  KEY fk_invoice_client (client_id),
  CONSTRAINT fk_invoice_client FOREIGN KEY (client_id) REFERENCES customers (id)
);
