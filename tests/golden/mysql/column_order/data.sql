INSERT INTO profiles VALUES (1, 'hi', 'a.png', '2024-01-01 00:00:00', '2024-01-02 00:00:00', 7);
