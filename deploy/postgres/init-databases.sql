-- One PostgreSQL server, one database per service: each service owns its schema.
CREATE DATABASE catalog;
CREATE DATABASE session;
CREATE DATABASE stats;
