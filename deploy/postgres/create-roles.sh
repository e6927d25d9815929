#!/usr/bin/env bash
# One PostgreSQL role per service, owning only its own database: catalog-service cannot read the
# stats database, and none of them is a superuser. Idempotent, so the same script serves three ways:
#   - docker compose: the postgres image runs it once, on the first start of an empty volume
#     (docker-entrypoint-initdb.d); run it again by hand to upgrade an older volume or to rotate
#     passwords (docs/operations.md);
#   - Kubernetes: the footing-db-setup Job runs it against your PostgreSQL (deploy/k8s);
#   - by hand: PGHOST=... PGUSER=<an admin role> PGPASSWORD=... CATALOG_DB_PASSWORD=... bash create-roles.sh
# It connects with the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) or, inside the postgres
# image, through its local socket as POSTGRES_USER. A database that already exists (a volume from
# before these roles) is handed over to its role, with every table, sequence and view in it.
set -euo pipefail

admin_user="${PGUSER:-${POSTGRES_USER:-postgres}}"

psql_admin() {
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$admin_user" "$@"
}

# create_database <role> <database> <password>
create_database() {
    local role="$1" database="$2" password="$3"
    psql_admin --dbname postgres -v role="$role" -v database="$database" -v password="$password" <<'SQL'
-- On a managed PostgreSQL the administrator is no superuser: from version 16 it may hand a database
-- to a role it created only if it may also SET ROLE to it.
SELECT 'SET createrole_self_grant = ''set, inherit'''
 WHERE current_setting('server_version_num')::int >= 160000 \gexec
-- A new role is NOSUPERUSER NOCREATEDB NOCREATEROLE by default.
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'role') \gexec
-- Only the owner (and administrators) may connect: by default every role may connect to every database.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'role') \gexec
SQL
    # Inside the database: its public schema and whatever an older deployment created there as the
    # administrator (tables, Flyway's history) now belong to the role.
    psql_admin --dbname "$database" -v role="$role" <<'SQL'
SET footing.owner = :'role';
SELECT format('ALTER SCHEMA public OWNER TO %I', :'role') \gexec
SELECT format('REVOKE ALL ON SCHEMA public FROM PUBLIC') \gexec
DO $$
DECLARE
    owner text := current_setting('footing.owner');
    r record;
BEGIN
    FOR r IN
        SELECT c.oid, c.relkind, n.nspname, c.relname
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public'
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND pg_get_userbyid(c.relowner) <> owner
           -- A sequence that belongs to a column follows its table.
           AND NOT (c.relkind = 'S' AND EXISTS (
                 SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO %I',
            CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
            r.nspname, r.relname, owner);
    END LOOP;
END $$;
SQL
    echo "database $database owned by role $role"
}

create_database "${CATALOG_DB_USER:-footing_catalog}" catalog "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is required}"
create_database "${SESSION_DB_USER:-footing_session}" session "${SESSION_DB_PASSWORD:?SESSION_DB_PASSWORD is required}"
create_database "${STATS_DB_USER:-footing_stats}" stats "${STATS_DB_PASSWORD:?STATS_DB_PASSWORD is required}"
# Keycloak's own data. Skipped where the identity provider is not ours to run (KEYCLOAK_DB_PASSWORD unset).
if [ -n "${KEYCLOAK_DB_PASSWORD:-}" ]; then
    create_database "${KEYCLOAK_DB_USER:-keycloak}" keycloak "$KEYCLOAK_DB_PASSWORD"
fi
