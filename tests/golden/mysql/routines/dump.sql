-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE t (
  id int NOT NULL,
  v int,
  PRIMARY KEY (id)
);

DELIMITER ;;
CREATE PROCEDURE bump(IN amount int, OUT total int)
BEGIN
  UPDATE t SET v = v + amount;
  SELECT sum(v) INTO total FROM t;
END;;
DELIMITER ;

DELIMITER ;;
CREATE FUNCTION double_it(x int) RETURNS bigint
    DETERMINISTIC
    COMMENT 'twice'
BEGIN
  RETURN x * 2;
END;;
DELIMITER ;

CREATE FUNCTION triple(x int) RETURNS int
    NO SQL
RETURN x * 3;
