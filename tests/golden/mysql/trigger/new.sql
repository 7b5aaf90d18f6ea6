CREATE TABLE audit (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  what varchar(100) NOT NULL
);
CREATE TABLE stock (
  id int NOT NULL PRIMARY KEY,
  qty int NOT NULL
);
DELIMITER ;;
CREATE TRIGGER stock_upd AFTER UPDATE ON stock FOR EACH ROW
BEGIN
  INSERT INTO audit (what) VALUES (concat('update ', NEW.id, ' qty ', NEW.qty));
END;;
CREATE TRIGGER stock_ins BEFORE INSERT ON stock FOR EACH ROW SET NEW.qty = greatest(NEW.qty, 0);;
DELIMITER ;
