SELECT id, login, email, display_name, plan FROM accounts ORDER BY id;
