-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE audit (
  id int NOT NULL AUTO_INCREMENT,
  note varchar(100),
  created_at datetime,
  PRIMARY KEY (id)
);

CREATE TABLE sessions (
  id int NOT NULL,
  expires_at datetime NOT NULL,
  PRIMARY KEY (id)
);

DELIMITER ;;
CREATE EVENT nightly_audit
    ON SCHEDULE EVERY 1 DAY
    COMMENT 'write a row each night'
DO BEGIN
  INSERT INTO audit (note, created_at) VALUES ('nightly', NOW());
END;;
DELIMITER ;

CREATE EVENT paused
    ON SCHEDULE EVERY 30 MINUTE
    ON COMPLETION PRESERVE
    COMMENT 'resumed'
DO DELETE FROM audit WHERE id < 0;

CREATE EVENT purge_sessions
    ON SCHEDULE EVERY 15 MINUTE
DO DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 1 MINUTE;

CREATE EVENT weekly_report
    ON SCHEDULE EVERY 1 WEEK
    ON COMPLETION PRESERVE
DO INSERT INTO audit (note) VALUES ('weekly');
