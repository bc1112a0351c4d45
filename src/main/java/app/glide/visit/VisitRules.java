package app.glide.visit;

import app.glide.web.ApiProblem;
import app.glide.web.ApiProblem.FieldError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The checks across fields of a visit that Bean Validation cannot make, and the content as
 * stored. Plain Java. Shape errors are one 400 {@code validation} naming every field; then,
 * one at a time, the clinical refusals (422): needling without recorded consent, a tape worn
 * until before it was applied (or for more than {@link #MAX_TAPE_WEAR}), an intervention
 * given by someone who is not a therapist of the clinic.
 */
public final class VisitRules {

    /** Kinesiology tape is worn for days, not weeks. */
    public static final Duration MAX_TAPE_WEAR = Duration.ofDays(7);

    private VisitRules() {
    }

    /**
     * The content to store for {@code r}, recorded by {@code caller} on the patient's {@code today};
     * {@code isClinicTherapist} tells whether a therapist named as {@code givenBy} works in the clinic.
     */
    public static VisitContent check(VisitDtos.VisitRequest r, LocalDate today, UUID caller,
                                     Predicate<UUID> isClinicTherapist) {
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
        List<Intervention> completed = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            completed.add(complete(given.get(i), "interventions[" + i + "]", caller, isClinicTherapist));
        }
        return new VisitContent(r.kind(), r.visitDate(), f, completed.isEmpty() ? null : List.copyOf(completed),
                r.nextVisitOn(), blankToNull(r.patientNote()), blankToNull(r.clinicalNote()));
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
            tape = new Intervention.Taping(tape.region().strip(), blankToNull(tape.application()), applied,
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
