CREATE TABLE events (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(50) NOT NULL,
  updated_at timestamp NULL DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=MyISAM AUTO_INCREMENT=42 DEFAULT CHARSET=latin1;
CREATE TABLE logs (
  id int NOT NULL,
  msg varchar(200)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='old comment';
