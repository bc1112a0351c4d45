package app.glide.visit;

import app.glide.web.ApiProblem.FieldError;
import app.glide.web.ApiProblem;
import app.glide.web.VisibleTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The checks across fields of a visit that Bean Validation cannot make, and the content as
 * stored. Plain Java. Shape errors are one 400 {@code validation} naming every field; then,
 * one at a time, the refusals (422): a visit date more than {@link #MAX_VISIT_AGE} ago, a next
 * visit more than {@link #MAX_NEXT_VISIT} after the visit, an intervention (or a tape's
 * {@code appliedAt}) not on the visit's date in the patient's zone (the night after counts until
 * {@link #NIGHT_ENDS}) or later than {@link #CLOCK_SKEW} from now, needling without recorded
 * consent, a tape worn until before it was applied (or for more than {@link #MAX_TAPE_WEAR}), an
 * intervention given by someone who is not a therapist of the clinic. With these bounds no date
 * or time can reach the database as {@code -infinity}/{@code infinity} or overflow a column.
 */
public final class VisitRules {

    /** Kinesiology tape is worn for days, not weeks. */
    public static final Duration MAX_TAPE_WEAR = Duration.ofDays(7);

    /** Visits are recorded from the clinic's notes of the last few years, not from decades ago. */
    public static final Period MAX_VISIT_AGE = Period.ofYears(5);

    /** The next visit is planned within a year. */
    public static final Period MAX_NEXT_VISIT = Period.ofYears(1);

    /** An evening visit's treatment may be recorded as given after midnight, until this time the next day. */
    public static final LocalTime NIGHT_ENDS = LocalTime.of(6, 0);

    /** How far ahead of the server's clock a treatment time may be (a tablet's clock running fast). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private VisitRules() {
    }

    /**
     * The content to store for {@code r}, recorded by {@code caller} {@code now} for a patient in
     * {@code zone}; {@code isClinicTherapist} tells whether a therapist named as {@code givenBy}
     * works in the clinic.
     */
    public static VisitContent check(VisitDtos.VisitRequest r, Instant now, ZoneId zone, UUID caller,
                                     Predicate<UUID> isClinicTherapist) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        if (r.visitDate().isAfter(today)) {
            errors.add(new FieldError("visitDate", "must not be after today (" + today + ") in the patient's time zone"));
        }
        if (r.nextVisitOn() != null && r.nextVisitOn().isBefore(r.visitDate())) {
            errors.add(new FieldError("nextVisitOn", "must not be before visitDate"));
        }
        Findings f = r.findings();
        if (f != null) {
            if (f.worstPain() != null && f.leastPain() != null && f.leastPain() > f.worstPain()) {
                errors.add(new FieldError("findings.leastPain", "must not be above worstPain"));
            }
            Findings.WorkingClassification wc = f.workingClassification();
            if (wc != null && wc.category() == Findings.Category.RADICULOPATHY && wc.level() == null) {
                errors.add(new FieldError("findings.workingClassification.level", "is required for RADICULOPATHY"));
            }
        }
        List<Intervention> given = r.interventions() == null ? List.of() : r.interventions();
        for (int i = 0; i < given.size(); i++) {
            detailsMatchType(given.get(i), "interventions[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "validation", "Invalid request",
                    errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors, null);
        }
        // Only now are visitDate (not after today) and nextVisitOn (not before it) safe to compute with.
        inRange(r, today, now, zone, given);
        List<Intervention> completed = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            completed.add(complete(given.get(i), "interventions[" + i + "]", caller, isClinicTherapist));
        }
        return new VisitContent(r.kind(), r.visitDate(), f, completed.isEmpty() ? null : List.copyOf(completed),
                r.nextVisitOn(), blankToNull(r.patientNote()), blankToNull(r.clinicalNote()));
    }

    private static void inRange(VisitDtos.VisitRequest r, LocalDate today, Instant now, ZoneId zone,
                                List<Intervention> given) {
        LocalDate earliest = today.minus(MAX_VISIT_AGE);
        if (r.visitDate().isBefore(earliest)) {
            throw new ApiProblem(422, "visit-date-out-of-range", "Visit date out of range",
                    "A visit is recorded within " + MAX_VISIT_AGE.getYears() + " years of its date.",
                    List.of(new FieldError("visitDate", "must not be before " + earliest)), null);
        }
        LocalDate latestNext = r.visitDate().plus(MAX_NEXT_VISIT);
        if (r.nextVisitOn() != null && r.nextVisitOn().isAfter(latestNext)) {
            throw new ApiProblem(422, "next-visit-out-of-range", "Next visit out of range",
                    "The next visit is planned within " + MAX_NEXT_VISIT.getYears() + " year of the visit.",
                    List.of(new FieldError("nextVisitOn", "must not be after " + latestNext)), null);
        }
        Instant from = r.visitDate().atStartOfDay(zone).toInstant();
        Instant until = r.visitDate().plusDays(1).atTime(NIGHT_ENDS).atZone(zone).toInstant();
        Instant latest = now.plus(CLOCK_SKEW);
        String window = "must be on the visit's date " + r.visitDate() + " in the patient's time zone (" + zone
                + "), from " + from + " until " + until + " (06:00 the next day), and not after " + latest;
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Intervention iv = given.get(i);
            if (outside(iv.givenAt(), from, until, latest)) {
                errors.add(new FieldError("interventions[" + i + "].givenAt", window));
            }
            Instant applied = iv.taping() == null ? null : iv.taping().appliedAt();
            if (applied != null && outside(applied, from, until, latest)) {
                errors.add(new FieldError("interventions[" + i + "].taping.appliedAt", window));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "intervention-time-out-of-range", "Treatment time out of range",
                    "A treatment is given on the day of its visit (or that night), not in the future: "
                            + (errors.size() == 1 ? "1 time is" : errors.size() + " times are") + " out of range.",
                    errors, null);
        }
    }

    private static boolean outside(Instant at, Instant from, Instant until, Instant latest) {
        return at.isBefore(from) || at.isAfter(until) || at.isAfter(latest);
    }

    private static void detailsMatchType(Intervention iv, String at, List<FieldError> errors) {
        Intervention.Type t = iv.type();
        need(t == Intervention.Type.MANUAL_THERAPY, iv.manualTherapy() != null, at + ".manualTherapy", t, errors);
        need(t == Intervention.Type.DRY_NEEDLING, iv.dryNeedling() != null, at + ".dryNeedling", t, errors);
        need(t == Intervention.Type.KINESIOLOGY_TAPING, iv.taping() != null, at + ".taping", t, errors);
        need(t == Intervention.Type.EDUCATION, iv.education() != null, at + ".education", t, errors);
    }

    private static void need(boolean wanted, boolean present, String field, Intervention.Type type,
                             List<FieldError> errors) {
        if (wanted && !present) {
            errors.add(new FieldError(field, "is required for " + type));
        } else if (!wanted && present) {
            errors.add(new FieldError(field, "must be absent for " + type));
        }
    }

    private static Intervention complete(Intervention iv, String at, UUID caller, Predicate<UUID> isClinicTherapist) {
        if (iv.dryNeedling() != null && !iv.dryNeedling().consentRecorded()) {
            throw new ApiProblem(422, "needling-consent-missing", "Consent not recorded",
                    "Dry needling needs the patient's consent, recorded before it is given.",
                    List.of(new FieldError(at + ".dryNeedling.consentRecorded", "must be true")), null);
        }
        Intervention.Taping tape = iv.taping();
        if (tape != null) {
            java.time.Instant applied = tape.appliedAt() == null ? iv.givenAt() : tape.appliedAt();
            if (!tape.wearUntil().isAfter(applied)) {
                throw tapeWear(at + ".taping.wearUntil", "must be after appliedAt (" + applied + ")");
            }
            if (Duration.between(applied, tape.wearUntil()).compareTo(MAX_TAPE_WEAR) > 0) {
                throw tapeWear(at + ".taping.wearUntil", "must be at most 7 days after appliedAt (" + applied + ")");
            }
            tape = new Intervention.Taping(VisibleTexts.trimmed(tape.region()), blankToNull(tape.application()), applied,
                    tape.wearUntil(), tape.skinCheckDone());
        }
        UUID by = iv.givenBy() == null ? caller : iv.givenBy();
        if (!by.equals(caller) && !isClinicTherapist.test(by)) {
            throw new ApiProblem(422, "therapist-not-found", "Therapist not found",
                    "No active therapist " + by + " in your clinic.",
                    List.of(new FieldError(at + ".givenBy", "is not an active therapist of your clinic")), null);
        }
        return iv.completed(by, tape);
    }

    private static ApiProblem tapeWear(String field, String message) {
        return new ApiProblem(422, "taping-wear-invalid", "Tape wear time not possible",
                "The tape's wear time is not possible: 1 problem.", List.of(new FieldError(field, message)), null);
    }

    /** Null when nothing visible is left ({@link VisitText}), else without invisible edges. */
    private static String blankToNull(String s) {
        return VisibleTexts.trimmed(s);
    }
}
