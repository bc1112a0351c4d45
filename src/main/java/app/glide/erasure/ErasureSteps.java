package app.glide.erasure;

import java.util.List;

/**
 * What erasing a patient does to each table, in foreign-key order (docs/security.md,
 * "Erasure"). Each statement takes the patient's id as its one parameter. {@code ALWAYS} steps
 * remove what is personal but not clinical record (conversations, free text the patient or
 * staff wrote outside the clinical record, devices, reminders, notifications, exports);
 * {@code UNLESS_RETAINED} steps delete the clinical record itself when the clinic need not keep
 * it. The account and patient rows are pseudonymised by {@link PatientErasure} itself.
 */
public final class ErasureSteps {

    public enum When { ALWAYS, UNLESS_RETAINED }

    /** One statement; {@code action} is what the outcome reports (DELETED, CLEARED). */
    public record Step(String table, String action, When when, String sql) {
    }

    private static final String PLANS = "(select id from plan where patient_id = ?)";

    public static final List<Step> STEPS = List.of(
            delete("message_read", When.ALWAYS, "where patient_id = ?"),
            delete("message", When.ALWAYS, "where patient_id = ?"),
            delete("session_comment", When.ALWAYS, "where patient_id = ?"),
            delete("device", When.ALWAYS, "where patient_id = ?"),
            delete("reminder_preference", When.ALWAYS, "where patient_id = ?"),
            delete("push_outbox", When.ALWAYS, "where patient_id = ?"),
            delete("patient_export", When.ALWAYS, "where patient_id = ?"),
            clear("session_log", "note", "patient_id = ?"),
            clear("alert", "resolution_note", "patient_id = ?"),
            clear("suggestion_outcome", "reason", "plan_id in " + PLANS),
            clear("refresh_token", "device_name", "user_id = ?"),
            delete("morning_check", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("session_log", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("pending_suggestion", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("suggestion_outcome", When.UNLESS_RETAINED, "where plan_id in " + PLANS),
            delete("patient_day", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("patient_adherence", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("red_flag_check", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("alert", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("outcome_response", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("outcome_schedule", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("visit_intervention", When.UNLESS_RETAINED, "where patient_id = ?"),
            delete("plan_revision", When.UNLESS_RETAINED, "where plan_id in " + PLANS),
            delete("plan", When.UNLESS_RETAINED, "where patient_id = ?"),
            // visit_version is immutable; V27's erase_visit_versions deletes an erased patient's, as the owner.
            new Step("visit_version", "DELETED", When.UNLESS_RETAINED, "select erase_visit_versions(?)"),
            delete("visit", When.UNLESS_RETAINED, "where patient_id = ?"));

    /** Tables PatientErasure itself handles (not in {@link #STEPS}). */
    public static final java.util.Map<String, String> BY_ERASURE = java.util.Map.of(
            "media", "tombstoned (no file name) and deleted with the stored object by media/MediaCleanupJob",
            "refresh_token", "revoked by PatientCredentials.revokeAll; device_name cleared by a step");

    /** Tables with a patient reference and text columns that erasure keeps as they are, and why. */
    public static final java.util.Map<String, String> KEPT = java.util.Map.of(
            "enrolment_code", "lookup and secret hash of a one-time code: random, nothing the patient wrote; the login it opens is disabled",
            "token_revocation", "the revocation's reason is a code the service sets (erased, discharged, ...); the app needs it to refuse old tokens",
            "exercise_media", "a clinic library exercise's media (kind only), never a patient's (media purpose EXERCISE)",
            "education_card_media", "a clinic education card's media (kind only), never a patient's (media purpose EDUCATION)",
            "patient_access", "the access log: which staff member read which kind of data when (codes, ids, request ids),"
                    + " nothing the patient wrote; append-only like the audit trail, and kept for the same accounting");

    private ErasureSteps() {
    }

    private static Step delete(String table, When when, String where) {
        return new Step(table, "DELETED", when, "delete from " + table + " " + where);
    }

    private static Step clear(String table, String column, String where) {
        return new Step(table, "CLEARED", When.ALWAYS,
                "update " + table + " set " + column + " = null where " + where + " and " + column + " is not null");
    }
}
