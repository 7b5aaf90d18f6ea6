-- schemerge canonical schema (MySQL / MariaDB)

CREATE TABLE audit (
  id int NOT NULL AUTO_INCREMENT,
  what varchar(100) NOT NULL,
  PRIMARY KEY (id)
);

CREATE TABLE stock (
  id int NOT NULL,
  qty int NOT NULL,
  PRIMARY KEY (id)
);

CREATE TRIGGER stock_ins BEFORE INSERT ON stock FOR EACH ROW
SET NEW.qty = greatest(NEW.qty, 0);

DELIMITER ;;
CREATE TRIGGER stock_upd AFTER UPDATE ON stock FOR EACH ROW
BEGIN
  INSERT INTO audit (what) VALUES (concat('update ', NEW.id, ' qty ', NEW.qty));
END;;
DELIMITER ;
