-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE products needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- add column products.discount; add constraint products.chk_discount; add constraint products.chk_price; drop constraint products.chk_price; drop constraint products.chk_stock
--   hazard validation-scan: CHECK chk_discount is checked against every row
--   hazard copy-algorithm: adding CHECK chk_discount needs ALGORITHM=COPY
--   hazard validation-scan: CHECK chk_price is checked against every row
--   hazard copy-algorithm: adding CHECK chk_price needs ALGORITHM=COPY
ALTER TABLE products
  DROP CONSTRAINT chk_price,
  DROP CONSTRAINT chk_stock,
  ADD COLUMN discount int NOT NULL DEFAULT '0',
  ADD CONSTRAINT chk_discount CHECK (discount BETWEEN 0 AND 100),
  ADD CONSTRAINT chk_price CHECK (price > 0);
