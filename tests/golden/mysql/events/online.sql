-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop event retired
DROP EVENT retired;

-- add column audit.created_at
ALTER TABLE audit
  ADD COLUMN created_at datetime,
  ALGORITHM=INSTANT;

-- create event weekly_report
CREATE EVENT weekly_report
    ON SCHEDULE EVERY 1 WEEK
    ON COMPLETION PRESERVE
DO INSERT INTO audit (note) VALUES ('weekly');

-- replace event nightly_audit
DELIMITER ;;
ALTER EVENT nightly_audit
    ON SCHEDULE EVERY 1 DAY
    ON COMPLETION NOT PRESERVE
    ENABLE
    COMMENT 'write a row each night'
DO BEGIN
  INSERT INTO audit (note, created_at) VALUES ('nightly', NOW());
END;;
DELIMITER ;

-- replace event paused
ALTER EVENT paused
    ON SCHEDULE EVERY 30 MINUTE
    ON COMPLETION PRESERVE
    ENABLE
    COMMENT 'resumed'
DO DELETE FROM audit WHERE id < 0;

-- replace event purge_sessions
ALTER EVENT purge_sessions
    ON SCHEDULE EVERY 15 MINUTE
    ON COMPLETION NOT PRESERVE
    ENABLE
    COMMENT ''
DO DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 1 MINUTE;
