package app.glide.plan;

import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that wrote a new plan revision (or
 * ended a plan), after the revision is flushed: features whose state follows the plan react
 * without the plan feature depending on them. Observers run in this order ({@code @Priority},
 * lowest first): {@link #ADHERENCE} (the caseload's adherence follows a new revision), then
 * {@link #SUGGESTIONS} (the pending suggestions of the caseload).
 *
 * @param timeZone the patient's time zone (their calendar decides what "today" is)
 * @param ended true when the plan was ended rather than revised
 * @param byRole who made the change: THERAPIST, ADMIN, PATIENT (a flare-up report) or RULE
 */
public record PlanRevised(UUID patientId, UUID planId, String timeZone, boolean ended, String byRole) {

    /** The patient's own action changed the plan (they know already). */
    public boolean byPatient() {
        return "PATIENT".equals(byRole);
    }


    /** Observer priorities, in the order the plan feature called these features before it published events. */
    public static final int ADHERENCE = 100;
    public static final int SUGGESTIONS = 200;
}
