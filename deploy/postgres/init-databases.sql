-- One PostgreSQL server, one database per service: each service owns its schema.
CREATE DATABASE catalog;
CREATE DATABASE session;
CREATE DATABASE stats;
-- Keycloak's own data (realm, users, sessions) in docker compose.
CREATE DATABASE keycloak;
