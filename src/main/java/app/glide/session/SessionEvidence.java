package app.glide.session;

import app.glide.patient.Patient;
import app.glide.plan.Plan;

/**
 * A domain event, fired synchronously in the transaction that logged a session or recorded its
 * next-morning check, after the session's own alerts: features that follow the patient's
 * evidence (the pain-monitoring suggestions: AUTO changes, holds, what is pending) react without
 * the session feature depending on them.
 *
 * @param patient the patient (its id, clinic and time zone are what observers may rely on)
 * @param knownActive the patient's active plan as the session read it, or null: observers read it
 */
public record SessionEvidence(Patient patient, Plan knownActive) {

    /** Observer priority ({@code @Priority}, lowest first) of the suggestion rules. */
    public static final int SUGGESTIONS = 100;
}
