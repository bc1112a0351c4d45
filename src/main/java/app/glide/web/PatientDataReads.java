package app.glide.web;

import java.util.UUID;

/**
 * The access record a {@link PatientDataRead} call still owes, for the thread running it: the
 * interceptor (disclosure/) {@link #begin opens} it before the resource method runs, the
 * patient access check (patient/PatientAccess) {@link #claim claims} it and writes the record in
 * the statement that checks the caller's right to the patient (no round trip of its own), and
 * the interceptor writes it itself afterwards if nobody claimed it. Plain Java; a thread-local,
 * because the check runs on the thread of the resource method it guards.
 */
public final class PatientDataReads {

    /** The columns of patient_access that a record fills, in the order the writers bind them. */
    public static final String RECORD_COLUMNS = "occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id";

    private static final class Owed {
        final UUID patientId;
        final AccessedData what;
        boolean claimed;

        Owed(UUID patientId, AccessedData what) {
            this.patientId = patientId;
            this.what = what;
        }
    }

    private static final ThreadLocal<Owed> OWED = new ThreadLocal<>();

    private PatientDataReads() {
    }

    /** A read of {@code patientId}'s {@code what} starts on this thread; {@link #end} must follow in a finally. */
    public static void begin(UUID patientId, AccessedData what) {
        OWED.set(new Owed(patientId, what));
    }

    /**
     * What the running read of {@code patientId} owes a record for, once: null when no read of
     * that patient runs on this thread or its record is already claimed.
     */
    public static AccessedData claim(UUID patientId) {
        Owed owed = OWED.get();
        if (owed == null || owed.claimed || !owed.patientId.equals(patientId)) {
            return null;
        }
        owed.claimed = true;
        return owed.what;
    }

    /**
     * Gives a claim back: the statement that claimed it did not commit the record (it failed,
     * or found no patient), so whoever records next, or the interceptor, must.
     */
    public static void unclaim(UUID patientId) {
        Owed owed = OWED.get();
        if (owed != null && owed.patientId.equals(patientId)) {
            owed.claimed = false;
        }
    }

    /** Ends the read on this thread; true if its record was claimed (written with the access check). */
    public static boolean end() {
        Owed owed = OWED.get();
        OWED.remove();
        return owed != null && owed.claimed;
    }
}
