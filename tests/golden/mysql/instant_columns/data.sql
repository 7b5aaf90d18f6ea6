INSERT INTO accounts (login, legacy_flag, fullname) VALUES ('ann', 1, 'Ann Example'), ('bob', 0, 'Bob Example');
INSERT INTO tags VALUES (1, 'red things');
INSERT INTO events VALUES (1, 'login', '2026-01-01 10:00:00');
