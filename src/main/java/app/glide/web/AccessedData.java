package app.glide.web;

/**
 * Which part of a patient's health data a staff read disclosed ({@link PatientDataRead}); the
 * {@code what} of an access record (disclosure/, docs/security.md "Access log"). Stored by name:
 * a value is never renamed or removed, only added.
 */
public enum AccessedData {
    /** The current plan. */
    PLAN,
    /** Plan revisions and earlier plans. */
    PLAN_HISTORY,
    /** Progression suggestions (derived from the sessions). */
    SUGGESTIONS,
    SESSIONS,
    ADHERENCE,
    PROGRESS,
    VISITS,
    /** Questionnaire results and schedules. */
    OUTCOMES,
    MESSAGES,
    FHIR_EXPORT,
    DATA_EXPORT
}
