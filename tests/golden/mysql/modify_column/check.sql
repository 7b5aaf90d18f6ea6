SELECT id, note, qty, amount, status FROM orders;
