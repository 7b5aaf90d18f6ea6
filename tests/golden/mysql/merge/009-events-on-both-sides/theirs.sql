-- theirs: a column on products and an event that uses it

CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  email varchar(255) DEFAULT NULL,
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_customers_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE products (
  id int NOT NULL AUTO_INCREMENT,
  sku varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  price decimal(10,2) NOT NULL DEFAULT 0.00,
  discontinued tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uq_products_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE orders (
  id int NOT NULL AUTO_INCREMENT,
  customer_id int NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'new',
  total decimal(10,2) NOT NULL DEFAULT 0.00,
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY idx_orders_customer (customer_id),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE order_items (
  order_id int NOT NULL,
  product_id int NOT NULL,
  quantity int NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, product_id),
  KEY idx_items_product (product_id),
  CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT fk_items_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE VIEW open_orders AS SELECT id, customer_id, total FROM orders WHERE status <> 'done';

CREATE EVENT drop_discontinued ON SCHEDULE EVERY 1 WEEK ON COMPLETION PRESERVE DISABLE
DO DELETE FROM products WHERE discontinued = 1;
