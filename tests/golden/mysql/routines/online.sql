-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- replace function double_it(int)
--   hazard recreated-non-atomically: function double_it does not exist until it is created again
DROP FUNCTION double_it;

-- replace procedure bump(int)
--   hazard recreated-non-atomically: procedure bump does not exist until it is created again
DROP PROCEDURE bump;

-- drop procedure gone()
DROP PROCEDURE gone;

-- replace function double_it(int)
DELIMITER ;;
CREATE FUNCTION double_it(x int) RETURNS bigint
    DETERMINISTIC
    COMMENT 'twice'
BEGIN
  RETURN x * 2;
END;;
DELIMITER ;

-- create function triple(int)
CREATE FUNCTION triple(x int) RETURNS int
    NO SQL
RETURN x * 3;

-- replace procedure bump(int)
DELIMITER ;;
CREATE PROCEDURE bump(IN amount int, OUT total int)
BEGIN
  UPDATE t SET v = v + amount;
  SELECT sum(v) INTO total FROM t;
END;;
DELIMITER ;
