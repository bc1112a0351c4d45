package app.glide.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the application's own database connection may do (issue 12, item 6). The test runs
 * through the application's datasource, i.e. as the role the service connects as: whatever
 * succeeds here, anyone who takes over the service (or its credentials) can do.
 */
@QuarkusTest
class DatabasePrivilegesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestData data;

    @Test
    void theApplicationRoleIsNeitherSuperuserNorOwner() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("""
                    select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                           (select count(*) from pg_class t where t.relnamespace = current_schema()::regnamespace
                               and pg_has_role(current_user, t.relowner, 'USAGE')),
                           pg_has_role(current_user, (select nspowner from pg_namespace where nspname = current_schema()), 'USAGE')
                    from pg_roles r where r.rolname = current_user""");
            rs.next();
            assertFalse(rs.getBoolean(1), "superuser");
            assertFalse(rs.getBoolean(2), "may create roles");
            assertFalse(rs.getBoolean(3), "may create databases");
            assertFalse(rs.getBoolean(4), "bypasses row-level security");
            assertEquals(0, rs.getLong(5), "owns (or is a member of the owner of) relations of the schema");
            assertFalse(rs.getBoolean(6), "owns (or is a member of the owner of) the schema");
        }
    }

    @Test
    void theAuditTriggerCannotBeSwitchedOff() throws SQLException {
        ClinicWorld.create(data, "Trigger clinic");
        refused("set session_replication_role = replica");
        refused("set local session_replication_role = replica");
        refused("alter table audit_event disable trigger audit_event_no_truncate");
        refused("alter table audit_event disable trigger all");
        refused("drop trigger audit_event_no_truncate on audit_event");
        refused("create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$ begin return null; end $$");
    }

    @Test
    void auditRowsCanBeAddedButNeitherChangedNorRemoved() throws SQLException {
        ClinicWorld.create(data, "Forgery clinic");
        refused("update audit_event set action = 'forged'");
        refused("delete from audit_event");
        refused("truncate audit_event");
        // The service writes events, never seals them: the chain columns are the sealer's.
        refused("insert into audit_event (actor_role, entity_type, entity_id, action, seal_seq, chain_hash) "
                + "values ('SYSTEM', 'x', 'x', 'forged', 999999, '\\x00')");
        refused("update audit_event set seal_seq = 1, chain_hash = '\\x00' where seal_seq is null");
    }

    @Test
    void accessRecordsCanBeAddedAndReadButNeitherChangedNorRemoved() throws SQLException {
        // The access log (V26) is a record like the audit trail: SELECT and INSERT only.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery(
                    "select has_table_privilege('patient_access', 'SELECT'), has_table_privilege('patient_access', 'INSERT'),"
                    + " has_table_privilege('patient_access', 'UPDATE'), has_table_privilege('patient_access', 'DELETE'),"
                    + " has_table_privilege('patient_access', 'TRUNCATE')");
            rs.next();
            assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "SELECT and INSERT on patient_access");
            assertFalse(rs.getBoolean(3) || rs.getBoolean(4) || rs.getBoolean(5),
                    "no UPDATE, DELETE or TRUNCATE on patient_access");
        }
        refused("update patient_access set what = 'forged'");
        refused("delete from patient_access");
        refused("truncate patient_access");
    }

    @Test
    void noSchemaChangesNoRolesNoHistory() throws SQLException {
        refused("create table sneaky (id int)");
        refused("create function sneaky() returns int language sql as 'select 1'");
        refused("alter table patient add column sneaky int");
        refused("drop table rate_limit_counter");
        refused("create index sneaky on patient (id)");
        refused("create role sneaky");
        refused("select * from flyway_schema_history");
        refused("truncate rate_limit_counter");
    }

    @Test
    void everyOtherTableIsReadableAndWritable() throws SQLException {
        // The grants cover what the service needs: no table (but the audit trail and Flyway's
        // history) lacks one of SELECT, INSERT, UPDATE, DELETE for it.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("""
                    select t.relname from pg_class t
                    where t.relnamespace = current_schema()::regnamespace and t.relkind in ('r', 'p')
                      and t.relname not in ('audit_event', 'flyway_schema_history', 'token_revocation', 'visit_version',
                                            'patient_access', 'patient')
                      and not (has_table_privilege(t.oid, 'SELECT') and has_table_privilege(t.oid, 'INSERT')
                               and has_table_privilege(t.oid, 'UPDATE') and has_table_privilege(t.oid, 'DELETE'))""");
            List<String> missing = new ArrayList<>();
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
            assertEquals(List.of(), missing);
            // The patient: INSERT and UPDATE per column (V27), never of the erasure columns, which only
            // erase_patient (owner's rights) writes.
            var patient = st.executeQuery("""
                    select has_table_privilege('patient', 'SELECT'), has_table_privilege('patient', 'DELETE'),
                           has_column_privilege('patient', 'status', 'UPDATE'), has_column_privilege('patient', 'time_zone', 'INSERT'),
                           has_column_privilege('patient', 'erased_at', 'UPDATE'), has_column_privilege('patient', 'pseudonym', 'UPDATE'),
                           has_column_privilege('patient', 'clinical_records_retained', 'UPDATE'),
                           has_column_privilege('patient', 'erased_at', 'INSERT')""");
            patient.next();
            assertEquals(List.of(true, true, true, true, false, false, false, false), List.of(patient.getBoolean(1),
                    patient.getBoolean(2), patient.getBoolean(3), patient.getBoolean(4), patient.getBoolean(5),
                    patient.getBoolean(6), patient.getBoolean(7), patient.getBoolean(8)));
            // Revocations are added and read, never changed or removed (V15).
            var revocations = st.executeQuery(
                    "select has_table_privilege('token_revocation', 'SELECT'), has_table_privilege('token_revocation', 'INSERT'),"
                    + " has_table_privilege('token_revocation', 'UPDATE'), has_table_privilege('token_revocation', 'DELETE'),"
                    + " has_table_privilege('token_revocation', 'TRUNCATE')");
            revocations.next();
            assertTrue(revocations.getBoolean(1) && revocations.getBoolean(2), "SELECT and INSERT on token_revocation");
            assertFalse(revocations.getBoolean(3) || revocations.getBoolean(4) || revocations.getBoolean(5),
                    "no UPDATE, DELETE or TRUNCATE on token_revocation");
            // Visit versions likewise: an amendment adds a version, never changes one (V16).
            var versions = st.executeQuery(
                    "select has_table_privilege('visit_version', 'SELECT'), has_table_privilege('visit_version', 'INSERT'),"
                    + " has_table_privilege('visit_version', 'UPDATE'), has_table_privilege('visit_version', 'DELETE'),"
                    + " has_table_privilege('visit_version', 'TRUNCATE')");
            versions.next();
            assertTrue(versions.getBoolean(1) && versions.getBoolean(2), "SELECT and INSERT on visit_version");
            assertFalse(versions.getBoolean(3) || versions.getBoolean(4) || versions.getBoolean(5),
                    "no UPDATE, DELETE or TRUNCATE on visit_version");
            var audit = st.executeQuery("""
                    select has_table_privilege('audit_event', 'SELECT'),
                           has_column_privilege('audit_event', 'details', 'INSERT'),
                           has_table_privilege('audit_event', 'INSERT'),
                           has_column_privilege('audit_event', 'seal_seq', 'INSERT'),
                           has_column_privilege('audit_event', 'chain_hash', 'INSERT'),
                           has_any_column_privilege('audit_event', 'UPDATE'), has_table_privilege('audit_event', 'DELETE'),
                           has_table_privilege('audit_event', 'TRUNCATE'), has_table_privilege('audit_event', 'TRIGGER'),
                           has_any_column_privilege('audit_event', 'REFERENCES')""");
            audit.next();
            assertTrue(audit.getBoolean(1), "SELECT on audit_event");
            assertTrue(audit.getBoolean(2), "INSERT of an event's columns");
            String[] denied = {"INSERT of every column", "INSERT of seal_seq", "INSERT of chain_hash", "UPDATE", "DELETE",
                    "TRUNCATE", "TRIGGER", "REFERENCES"};
            for (int i = 0; i < denied.length; i++) {
                assertFalse(audit.getBoolean(i + 3), denied[i] + " on audit_event");
            }
        }
    }

    /** The statement must fail for lack of privilege, and change nothing. */
    private void refused(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(statement),
                        "the application's role may: " + statement);
                // 42501 insufficient_privilege ("permission denied", "must be owner of").
                assertEquals("42501", e.getSQLState(),
                        statement + " failed for another reason: " + e.getSQLState() + " " + e.getMessage());
            } finally {
                c.rollback();
            }
        }
    }
}
