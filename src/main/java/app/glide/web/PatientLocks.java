package app.glide.web;

import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One writer per patient at a time: a transaction-scoped advisory lock on the patient,
 * taken first by every transaction that changes what the patient's derived state is
 * computed from (sessions, next-morning checks, plan revisions, signal alerts) or that
 * rewrites that state (the adherence snapshot the caseload reads, pending suggestions).
 *
 * <p>Why: each such transaction recomputes the snapshot from what it can see. Under READ
 * COMMITTED, two uploads for one patient on different days running at once each saw only
 * their own new day, and the one committing last wrote a snapshot without the other's
 * (issue 11: a stale caseload until the patient's next write). With the lock, the later
 * transaction waits until the earlier one has committed, and its statements after the lock
 * see the earlier one's rows; the snapshot converges whatever the interleaving.
 *
 * <p>Rules for callers:
 * <ul>
 * <li>Take it before locking or writing any row of the patient (the plan row, alert rows):
 * one lock order everywhere, so the lock adds no deadlock. {@code PlanChanges} takes it just
 * before it locks the plan row, which covers every plan change (therapist, rules, flare-ups).</li>
 * <li>Take it in its own statement, never inside a statement that also reads: a statement's
 * snapshot is taken before it waits, so what it read would predate the holder's commit.</li>
 * <li>Taking it again in the same transaction is free (no statement): it is remembered per
 * transaction, so nested services may all ask for it.</li>
 * </ul>
 *
 * <p>The wait is bounded by the transaction's {@code lock_timeout}. Keys use the two-int form
 * ({@code pg_advisory_xact_lock(int, int)}: the 64 bits of the UUID folded), a key space that
 * PostgreSQL keeps apart from the one-bigint locks the jobs take ({@code hashtext(...)}), so a
 * patient never collides with a job; two patients that fold to the same key only wait for
 * each other now and then.
 */
@ApplicationScoped
public class PatientLocks {

    /** The patients locked by the current transaction. */
    private static final Object HELD = PatientLocks.class.getName() + ".held";

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Waits for and takes the patient's lock until the current transaction ends. Needs a transaction. */
    public void lock(UUID patientId) {
        @SuppressWarnings("unchecked")
        Set<UUID> held = (Set<UUID>) transactions.getResource(HELD);
        if (held != null && held.contains(patientId)) {
            return;
        }
        long key = key(patientId);
        sql.first("select pg_advisory_xact_lock(?, ?)", rs -> Boolean.TRUE, (int) (key >>> 32), (int) key);
        if (held == null) {
            held = new HashSet<>();
            transactions.putResource(HELD, held);
        }
        held.add(patientId);
    }

    /**
     * The lock, then the one guard every write for a patient passes: an erased patient's record
     * takes no more writes (409 {@code patient-erased}). Checked after the lock, in its own
     * statement, so an erasure that held the lock is seen committed (PatientErasure takes the
     * same lock first). Needs a transaction.
     */
    public void lockWritable(UUID patientId) {
        lock(patientId);
        requireNotErased(sql, patientId);
    }

    /** 409 {@code patient-erased} when the patient has been erased (an unknown id passes: callers 404 it). */
    public static void requireNotErased(Sql sql, UUID patientId) {
        if (sql.first("select erased_at is not null from patient where id = ?", rs -> rs.getBoolean(1), patientId)
                .orElse(false)) {
            throw erased(patientId);
        }
    }

    public static ApiProblem erased(UUID patientId) {
        return ApiProblem.conflict("patient-erased", "Patient erased",
                "Patient " + patientId + " was erased; the record takes no more changes.");
    }

    /** The UUID's 128 bits folded to 64 (random UUIDs: both halves are random). */
    static long key(UUID patientId) {
        return patientId.getMostSignificantBits() ^ patientId.getLeastSignificantBits();
    }
}
