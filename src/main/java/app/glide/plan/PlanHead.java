package app.glide.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the 304 path of the patient's plan needs, from one query: plan, revision, the
 * patient's zone, and the stop state (an open red flag) with what the phone shows while
 * stopped. {@code readAt} is the clinical clock's instant when the head was read: the
 * patient's "today" (and so the ETag's date) is taken from it, never from the system time.
 * Plain Java.
 */
public record PlanHead(UUID planId, int revision, String timeZone, UUID clinicId, UUID patientId, Instant createdAt,
                       PlanViews.StopView stop, Instant readAt) {

    public LocalDate today() {
        return PatientCalendar.today(readAt, timeZone);
    }

    public PlanEtag etag() {
        return new PlanEtag(planId, revision, today(), stop == null ? null : "stop-" + stop.fingerprint());
    }
}
