SELECT id, name, town, score FROM customers;
