INSERT INTO customers VALUES (1, 'Bob', 'Paris', 5);
