-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE events (
  id bigint NOT NULL AUTO_INCREMENT,
  name varchar(50) NOT NULL,
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) DEFAULT CHARSET=latin1;

CREATE TABLE logs (
  id int NOT NULL,
  msg varchar(200)
) DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC COMMENT='new comment';
