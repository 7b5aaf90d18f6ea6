-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied

-- each step commits on its own:

-- drop trigger stock.stock_del
DROP TRIGGER stock_del;

-- drop trigger stock.stock_upd
--   hazard recreated-non-atomically: trigger stock_upd does not fire until it is created again
DROP TRIGGER stock_upd;

-- create trigger stock.stock_ins
CREATE TRIGGER stock_ins BEFORE INSERT ON stock FOR EACH ROW
SET NEW.qty = greatest(NEW.qty, 0);

-- create trigger stock.stock_upd
DELIMITER ;;
CREATE TRIGGER stock_upd AFTER UPDATE ON stock FOR EACH ROW
BEGIN
  INSERT INTO audit (what) VALUES (concat('update ', NEW.id, ' qty ', NEW.qty));
END;;
DELIMITER ;
