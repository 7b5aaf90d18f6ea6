CREATE TABLE public."Order Items" ("Id" integer, "unitPrice" numeric);
