-- schemerge migration plan

BEGIN;

-- create table public.department
CREATE TABLE public.department (
    id integer NOT NULL,
    manager_id integer
);

-- create table public.employee
CREATE TABLE public.employee (
    id integer NOT NULL,
    department_id integer
);

-- create table public.department
ALTER TABLE ONLY public.department ADD CONSTRAINT department_pkey PRIMARY KEY (id);

-- create table public.employee
ALTER TABLE ONLY public.employee ADD CONSTRAINT employee_pkey PRIMARY KEY (id);

-- create table public.department
ALTER TABLE ONLY public.department ADD CONSTRAINT department_manager_fk FOREIGN KEY (manager_id) REFERENCES public.employee(id) DEFERRABLE INITIALLY DEFERRED;

-- create table public.employee
ALTER TABLE ONLY public.employee ADD CONSTRAINT employee_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.department(id);

COMMIT;
