CREATE TABLE public.other (id integer);
CREATE TABLE public.department (
    id integer PRIMARY KEY,
    manager_id integer
);
CREATE TABLE public.employee (
    id integer PRIMARY KEY,
    department_id integer REFERENCES public.department (id)
);
ALTER TABLE public.department ADD CONSTRAINT department_manager_fk
    FOREIGN KEY (manager_id) REFERENCES public.employee (id) DEFERRABLE INITIALLY DEFERRED;
