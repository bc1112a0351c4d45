package app.glide.plan;

import app.glide.language.LanguageContext;
import app.glide.outcome.DueQuestionnaires;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the 304 path of the patient's plan needs, from one query: plan, revision, the
 * patient's zone, and the stop state (an open red flag) with what the phone shows while
 * stopped. {@code readAt} is the clinical clock's instant when the head was read: the
 * patient's "today" (and so the ETag's date) is taken from it, never from the system time.
 * {@code dueQuestionnaires}: the outcome measures due today; they are in the ETag, so a phone
 * holding the plan from before a schedule, a response or a due date gets the new body.
 * {@code language}: what decides the body's language; in the ETag too, so a 304 never confirms
 * a body in another language (or from before a clinic translation changed). Plain Java.
 */
public record PlanHead(UUID planId, int revision, String timeZone, UUID clinicId, UUID patientId, Instant createdAt,
                       PlanViews.StopView stop, Instant readAt, List<DueQuestionnaires.Due> dueQuestionnaires,
                       LanguageContext language, Long mediaVersion) {

    /**
     * {@code mediaVersion}: the clinic's media version (null while it never attached media to an
     * exercise or card); in the ETag, so attaching media changes the plan's tag without a revision.
     */
    public PlanHead(UUID planId, int revision, String timeZone, UUID clinicId, UUID patientId, Instant createdAt,
                    PlanViews.StopView stop, Instant readAt, List<DueQuestionnaires.Due> dueQuestionnaires) {
        this(planId, revision, timeZone, clinicId, patientId, createdAt, stop, readAt, dueQuestionnaires, null, null);
    }

    public PlanHead(UUID planId, int revision, String timeZone, UUID clinicId, UUID patientId, Instant createdAt,
                    PlanViews.StopView stop, Instant readAt) {
        this(planId, revision, timeZone, clinicId, patientId, createdAt, stop, readAt, List.of(), null, null);
    }

    public LocalDate today() {
        return PatientCalendar.today(readAt, timeZone);
    }

    public PlanEtag etag() {
        String due = DueQuestionnaires.fingerprint(dueQuestionnaires);
        String variant = stop == null ? null : "stop-" + stop.fingerprint();
        if (due != null) {
            variant = (variant == null ? "" : variant + "-") + "q-" + due;
        }
        if (mediaVersion != null) {
            variant = (variant == null ? "" : variant + "-") + "m" + mediaVersion;
        }
        // The body's language (Accept-Language, the patient's and the clinic's locale, the clinic's translations).
        String lang = language == null ? null : language.fingerprint();
        if (lang != null) {
            variant = (variant == null ? "" : variant + "-") + "l-" + lang;
        }
        return new PlanEtag(planId, revision, today(), variant);
    }
}
