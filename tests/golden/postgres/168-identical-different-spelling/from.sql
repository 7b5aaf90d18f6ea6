CREATE TABLE public.p (id int4 PRIMARY KEY);
CREATE TABLE public.c (id serial PRIMARY KEY, p_id int REFERENCES p, name varchar(20));
CREATE INDEX c_p_id ON c USING btree (p_id ASC NULLS LAST);
CREATE POLICY c_all ON c AS PERMISSIVE FOR ALL TO public USING (true);
