-- Creates Glide's two database roles and its schema (docs/security.md, "Database roles";
-- docs/deployment.md). Run once per database, as a superuser (or a role with CREATEROLE that
-- may create schemas in the database), with psql:
--
--   psql -v ON_ERROR_STOP=1 -U postgres -d glide \
--        -v owner_role=glide_owner -v app_role=glide_app -v schema=glide \
--        -v owner_password='...' -v app_password='...' -f scripts/create-roles.sql
--
-- Idempotent: existing roles keep their attributes and get the given password; an existing
-- schema is given to the owner role. Then start the service with
--   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://HOST:5432/glide?currentSchema=glide
--   QUARKUS_DATASOURCE_USERNAME=glide_app    QUARKUS_DATASOURCE_PASSWORD=...
--   QUARKUS_FLYWAY_USERNAME=glide_owner      QUARKUS_FLYWAY_PASSWORD=...
-- and its migrations grant the app role what it needs (V14).
\set ON_ERROR_STOP on

select format('create role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls', :'owner_role')
where not exists (select from pg_roles where rolname = :'owner_role') \gexec
select format('create role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls', :'app_role')
where not exists (select from pg_roles where rolname = :'app_role') \gexec
select format('alter role %I password %L', :'owner_role', :'owner_password') \gexec
select format('alter role %I password %L', :'app_role', :'app_password') \gexec

select format('create schema %I authorization %I', :'schema', :'owner_role')
where not exists (select from pg_namespace where nspname = :'schema') \gexec
select format('alter schema %I owner to %I', :'schema', :'owner_role') \gexec

-- Only these two may connect; nobody gets temporary tables by default.
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to %I, %I', current_database(), :'owner_role', :'app_role') \gexec
-- Each role looks in the schema first.
select format('alter role %I in database %I set search_path = %I', r, current_database(), :'schema')
from unnest(array[:'owner_role', :'app_role']) as r \gexec
