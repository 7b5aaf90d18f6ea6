-- schemerge migration plan (MySQL / MariaDB)
-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it stay applied
-- note: ALTER TABLE boxes needs ALGORITHM=COPY (writes wait while the table is copied): for an online change run it through an online schema-change tool (gh-ost, pt-online-schema-change)

-- each step commits on its own:

-- add column boxes.area; add column boxes.perimeter; create index boxes.idx_area
--   hazard table-rewrite: adding column boxes.perimeter fills every row: the table is rebuilt
--   hazard copy-algorithm: adding column boxes.perimeter needs ALGORITHM=COPY
ALTER TABLE boxes
  ADD COLUMN area int GENERATED ALWAYS AS (w * h) VIRTUAL AFTER h,
  ADD COLUMN perimeter int GENERATED ALWAYS AS (2 * (w + h)) STORED,
  ADD KEY idx_area (area);
