SELECT id, score, avatar, bio, created_at, updated_at FROM profiles;
