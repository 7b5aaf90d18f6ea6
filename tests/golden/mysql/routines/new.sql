CREATE TABLE t (
  id int NOT NULL PRIMARY KEY,
  v int
);
DELIMITER ;;
CREATE FUNCTION double_it(x int) RETURNS bigint DETERMINISTIC COMMENT 'twice'
BEGIN
  RETURN x * 2;
END;;
CREATE PROCEDURE bump(IN amount int, OUT total int)
BEGIN
  UPDATE t SET v = v + amount;
  SELECT sum(v) INTO total FROM t;
END;;
CREATE FUNCTION triple(x int) RETURNS int NO SQL
  RETURN x * 3;;
DELIMITER ;
