--
-- PostgreSQL database dump
--

-- Dumped from database version 9.6.10
-- Dumped by pg_dump version 9.6.10

--
-- Name: t; Type: TABLE; Schema: public; Owner: osm
--

CREATE TABLE public.t (
    id bigint NOT NULL
);

--
-- Name: t_pkey; Type: CONSTRAINT; Schema: public; Owner: osm
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);

--
-- PostgreSQL database dump complete
--
