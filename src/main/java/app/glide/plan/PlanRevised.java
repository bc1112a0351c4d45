package app.glide.plan;

import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that wrote a new plan revision (or
 * ended a plan), after the revision is flushed: features whose state follows the plan (the
 * pending suggestions of the caseload) react without the plan feature depending on them.
 */
public record PlanRevised(UUID patientId, UUID planId) {
}
