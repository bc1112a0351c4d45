#!/bin/sh
# Creates Glide's two database roles and its schema (docs/security.md, "Database roles").
# The postgres image runs this once, as the superuser, when the data volume is first
# initialised (/docker-entrypoint-initdb.d); it does not run again on an existing volume
# (to add the roles to one, run scripts/create-roles.sql by hand, see docs/deployment.md).
#
#   glide_owner  owns schema glide; the service's Flyway migrates as it (QUARKUS_FLYWAY_*)
#   glide_app    what the service's pool connects as (QUARKUS_DATASOURCE_*); migration V14
#                grants it DML on the tables and only SELECT + INSERT on audit_event
set -eu
: "${GLIDE_DB_OWNER_PASSWORD:?set GLIDE_DB_OWNER_PASSWORD}"
: "${GLIDE_DB_APP_PASSWORD:?set GLIDE_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_role=glide_owner -v app_role=glide_app -v schema=glide \
  -v owner_password="$GLIDE_DB_OWNER_PASSWORD" -v app_password="$GLIDE_DB_APP_PASSWORD" \
  -f /glide/create-roles.sql
