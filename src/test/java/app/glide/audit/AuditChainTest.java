package app.glide.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's hash chain (docs/security.md, "Audit"): what the sealer chains verifies,
 * and tampering by the schema owner (who can switch the trigger off) is reported at the first
 * broken event by the auditor's own query, scripts/verify-audit.sql. Every tampering happens
 * in a transaction that is rolled back after the verdict, so the run's chain stays intact.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    TestData data;

    @Inject
    AuditSealer sealer;

    @Inject
    AgroalDataSource dataSource;

    String schema;

    @BeforeEach
    void events() {
        schema = (String) data.<Object>query("select current_schema()").get(0);
        ClinicWorld.create(data, "Chained clinic"); // a few dozen audited writes
    }

    @Test
    void whatTheSealerChainsVerifies() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        assertTrue(seal.headSeq() > 0, "sealed " + seal);
        try (Connection owner = TestDatabase.owner(schema)) {
            String verdict = verify(owner, null);
            assertTrue(verdict.startsWith("OK: " + seal.headSeq() + " sealed event(s) chained, head #" + seal.headSeq()
                    + " sha256 " + seal.headHash() + "; 0 event(s) not sealed yet"), verdict);
            assertTrue(verify(owner, seal.headSeq() + ":" + seal.headHash()).contains("anchor #" + seal.headSeq() + " matches"));
        }
        assertEquals(0, sealer.sealAll(true).sealed(), "nothing left to seal");
    }

    @Test
    void eventsCommittedLateAreChainedAfterTheOnesSealedBefore() throws Exception {
        sealer.sealAll(true);
        // A transaction takes a lower id, a later one commits first and is sealed; the first
        // commits afterwards: it is chained next, by the order the sealer saw them, not by id.
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long slowId = insertEvent(slow, "slow");
            long fastId = insertEvent(fast, "fast");
            assertTrue(slowId < fastId);
            AuditSealer.Seal first = sealer.sealAll(true);
            assertEquals(1, first.sealed(), "only the committed event");
            slow.commit();
            AuditSealer.Seal second = sealer.sealAll(true);
            assertEquals(1, second.sealed());
            assertEquals(first.headSeq(), seqOf(fastId), "the event that committed first is chained first");
            assertEquals(first.headSeq() + 1, seqOf(slowId), "the one with the lower id right after");
            assertEquals(second.headSeq(), seqOf(slowId));
        }
        try (Connection owner = TestDatabase.owner(schema)) {
            assertTrue(verify(owner, null).startsWith("OK: "), verify(owner, null));
        }
    }

    @Test
    void oneSealerAtATime() throws Exception {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertTrue(seal(a) >= 0);
            assertEquals(-1, seal(b), "a second sealer returns at once, without sealing");
            a.commit();
            b.rollback();
        }
    }

    @Test
    void aChangedEventIsReported() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        long victim = seal.headSeq() - 5;
        assertTampered("update audit_event set details = '{\"timeZone\": \"forged\"}' where seal_seq = " + victim,
                "BROKEN at #" + victim + " (audit_event id " + idAt(victim) + ")");
    }

    @Test
    void aDeletedEventIsReported() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        long victim = seal.headSeq() - 3;
        assertTampered("delete from audit_event where seal_seq = " + victim,
                "BROKEN after #" + (victim - 1) + ": #" + victim + " is missing (deleted)");
    }

    @Test
    void aForgedEventIsReported() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        // Appended to the chain with a hash the forger made up (without the chain's previous hash).
        long next = seal.headSeq() + 1;
        assertTampered("insert into audit_event (actor_role, entity_type, entity_id, action, seal_seq, chain_hash) "
                        + "values ('ADMIN', 'patient', 'x', 'deleted', " + next + ", sha256('forged'))",
                "BROKEN at #" + next);
        // Slipped in between, the later events renumbered to make room.
        long at = seal.headSeq() - 2;
        assertTampered("update audit_event set seal_seq = -seal_seq where seal_seq >= " + at + ";"
                        + "update audit_event set seal_seq = -seal_seq + 1 where seal_seq < 0;"
                        + "insert into audit_event (actor_role, entity_type, entity_id, action, seal_seq, chain_hash) "
                        + "select 'ADMIN', 'patient', 'x', 'deleted', " + at + ", chain_hash from audit_event where seal_seq = " + (at + 1),
                "BROKEN at #" + at);
    }

    @Test
    void aRewrittenChainIsReportedAgainstAnAnchor() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        long victim = seal.headSeq() - 4;
        String anchor = seal.headSeq() + ":" + seal.headHash();
        try (Connection owner = TestDatabase.owner(schema)) {
            owner.setAutoCommit(false);
            try (Statement st = owner.createStatement()) {
                st.execute("alter table audit_event disable trigger user");
                // The owner changes an event and recomputes every hash from there on, with the
                // database's own function: the chain alone is consistent again...
                st.execute("update audit_event set action = 'viewed' where seal_seq = " + victim);
                st.execute("""
                        do $$ declare e audit_event; h bytea; begin
                          select chain_hash into h from audit_event where seal_seq = %d;
                          for e in select * from audit_event where seal_seq >= %d order by seal_seq loop
                            h := sha256(h || audit_event_canonical(e));
                            update audit_event set chain_hash = h where id = e.id;
                          end loop;
                        end $$""".formatted(victim - 1, victim));
                assertTrue(verify(owner, null).startsWith("OK: "), "without an anchor a full rewrite is consistent");
                // ...but not with the head the sealer logged before.
                String verdict = verify(owner, anchor);
                assertTrue(verdict.startsWith("BROKEN at the anchor #" + seal.headSeq() + ": the chain there hashes to "),
                        verdict);
                // Removing the last events is only seen against an anchor too.
                st.execute("delete from audit_event where seal_seq >= " + (seal.headSeq() - 1));
                assertTrue(verify(owner, anchor).startsWith("BROKEN: the anchor is #" + seal.headSeq() + " but the chain ends at #"
                        + (seal.headSeq() - 2)), verify(owner, anchor));
            } finally {
                owner.rollback();
            }
        }
    }

    @Test
    void theAuditorsScriptRunsWithPsql() throws Exception {
        AuditSealer.Seal seal = sealer.sealAll(true);
        Run ok = script("--schema", schema, "--anchor", seal.headSeq() + ":" + seal.headHash());
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().startsWith("OK: "), ok.out());
        String wrong = "0".repeat(64);
        Run broken = script("--schema", schema, "--anchor", seal.headSeq() + ":" + wrong);
        assertEquals(1, broken.exit(), broken.out());
        assertTrue(broken.out().startsWith("BROKEN at the anchor"), broken.out());
        assertEquals(2, script("--anchor", "12:not-a-hash").exit());
    }

    // --- helpers -----------------------------------------------------------------------

    private void assertTampered(String tampering, String expected) throws SQLException, IOException {
        try (Connection owner = TestDatabase.owner(schema)) {
            owner.setAutoCommit(false);
            try (Statement st = owner.createStatement()) {
                // The owner can do what the application cannot: switch the append-only trigger off.
                st.execute("alter table audit_event disable trigger user");
                st.execute("alter table audit_event drop constraint audit_event_seal_seq_unique");
                st.execute(tampering);
                String verdict = verify(owner, null);
                assertTrue(verdict.startsWith(expected), "expected «" + expected + "», got «" + verdict + "»");
            } finally {
                owner.rollback();
            }
            assertTrue(verify(owner, null).startsWith("OK: "), "rolled back");
        }
    }

    private long seqOf(long id) {
        return ((Number) data.query("select seal_seq from audit_event where id = ?1", id).get(0)).longValue();
    }

    private long idAt(long seq) {
        return ((Number) data.query("select id from audit_event where seal_seq = ?1", seq).get(0)).longValue();
    }

    private static long insertEvent(Connection c, String entityId) throws SQLException {
        try (var st = c.prepareStatement("insert into audit_event (actor_role, entity_type, entity_id, action) "
                + "values ('SYSTEM', 'test', ?, 'tested') returning id")) {
            st.setString(1, entityId);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** audit_seal without waiting: sealed count, or -1 when another sealer holds the lock. */
    private static int seal(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select sealed, head_hash from audit_seal(100, false)")) {
            rs.next();
            return rs.getString(2) == null ? -1 : rs.getInt(1);
        }
    }

    /** The auditor's query (scripts/verify-audit.sql) on this connection, pg_catalog first. */
    String verify(Connection c, String anchor) throws SQLException, IOException {
        String sql = Files.readString(Path.of("scripts/verify-audit.sql"), StandardCharsets.UTF_8)
                .replace("__ANCHOR_SEQ__", anchor == null ? "0" : anchor.split(":")[0])
                .replace("__ANCHOR_HASH__", anchor == null ? "" : anchor.split(":")[1]);
        try (Statement st = c.createStatement()) {
            st.execute("set search_path = pg_catalog, " + schema);
            try (var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private record Run(int exit, String out) {
    }

    private Run script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "scripts/verify-audit.sh"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--", "-h", "127.0.0.1", "-U", TestDatabase.APP, "-d", "postgres"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", TestDatabase.APP_PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }
}
