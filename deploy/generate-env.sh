#!/usr/bin/env bash
# Writes the secrets deploy/docker-compose.yml requires, each a fresh random value:
#   deploy/generate-env.sh > deploy/.env && chmod 600 deploy/.env
# Hex only, so a value never needs quoting in YAML, JAAS or SQL. deploy/.env is in .gitignore.
set -euo pipefail
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
for name in POSTGRES_PASSWORD CATALOG_DB_PASSWORD SESSION_DB_PASSWORD STATS_DB_PASSWORD KEYCLOAK_DB_PASSWORD \
        KEYCLOAK_ADMIN_PASSWORD CATALOG_KAFKA_PASSWORD SESSION_KAFKA_PASSWORD STATS_KAFKA_PASSWORD; do
    echo "$name=$(random)"
done
