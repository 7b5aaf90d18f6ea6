INSERT INTO people VALUES (1, 'Ada Lovelace', 'ada@example.org');
