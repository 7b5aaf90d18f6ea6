SELECT id, display_name, email FROM people;
