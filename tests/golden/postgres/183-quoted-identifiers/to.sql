CREATE TABLE public."Order Items" ("Id" integer PRIMARY KEY, "unitPrice" numeric(10,2), "Note" text);
CREATE INDEX "Order Items_Note" ON public."Order Items" ("Note");
