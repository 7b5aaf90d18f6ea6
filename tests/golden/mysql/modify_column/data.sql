INSERT INTO orders VALUES (1, 'hello', 3, 12.50, 'paid');
