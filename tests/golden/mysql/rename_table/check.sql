SELECT c.id, c.name, c.vip, i.id FROM customers c JOIN invoices i ON i.client_id = c.id;
