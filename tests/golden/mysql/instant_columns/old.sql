-- ALGORITHM=INSTANT under --online (MariaDB 10.11, MySQL 8.0.29+): columns added at the
-- end and in the middle, a column dropped, one renamed, a default changed; metadata only.
-- `tags` has a FULLTEXT index: the same changes there stay INPLACE (MariaDB refuses
-- INSTANT on a table with one), and `events` drops an indexed column (INPLACE too).
CREATE TABLE accounts (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login varchar(40) NOT NULL,
  legacy_flag tinyint(1) NOT NULL DEFAULT 0,
  fullname varchar(100) NOT NULL,
  plan varchar(20) NOT NULL DEFAULT 'free'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE tags (
  id int NOT NULL PRIMARY KEY,
  label varchar(100) NOT NULL,
  FULLTEXT KEY ft_label (label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  kind varchar(20) NOT NULL,
  happened_at datetime NOT NULL,
  KEY idx_kind (kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
