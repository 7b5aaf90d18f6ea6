CREATE TABLE sessions (
  id int NOT NULL PRIMARY KEY,
  expires_at datetime NOT NULL
);
CREATE TABLE audit (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  note varchar(100),
  created_at datetime DEFAULT NULL
);
DELIMITER ;;
-- every 15 minutes now, and the body changed
CREATE EVENT purge_sessions ON SCHEDULE EVERY 15 MINUTE
DO DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 1 MINUTE;;
CREATE EVENT nightly_audit ON SCHEDULE EVERY 1 DAY COMMENT 'write a row each night'
DO BEGIN
  INSERT INTO audit (note, created_at) VALUES ('nightly', NOW());
END;;
/*!50106 CREATE*/ /*!50106 EVENT `paused` ON SCHEDULE EVERY 30 MINUTE ON COMPLETION PRESERVE DISABLE DO DELETE FROM audit WHERE id < 0 */ ;;
CREATE EVENT weekly_report ON SCHEDULE EVERY 1 WEEK ON COMPLETION PRESERVE
DO INSERT INTO audit (note) VALUES ('weekly');;
DELIMITER ;
-- a migration's ALTER EVENT applies to the model
ALTER EVENT paused ENABLE COMMENT 'resumed';
