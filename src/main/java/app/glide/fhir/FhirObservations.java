package app.glide.fhir;

import static app.glide.fhir.FhirIds.ref;

import app.glide.fhir.FhirRows.AdherenceRow;
import app.glide.fhir.FhirRows.MorningRow;
import app.glide.fhir.FhirRows.SessionRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Sessions, pain and adherence as Observations. A logged session is an "activity" Observation
 * (LOINC 55411-3 exercise duration, with the share done as a component) whose members are three
 * pain Observations (LOINC 72514-3 NPRS: before, at peak, after): separate Observations rather
 * than components because each is a reading at its own time of the same LOINC code, and a component
 * must not repeat its parent's code. A next-morning check is one more NPRS Observation with the
 * patient's "better / same / worse" as a component. Plain Java.
 */
final class FhirObservations {

    static final String LOINC = "http://loinc.org";
    static final String NPRS = "72514-3";
    static final String NPRS_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String GLIDE_CODES = "https://glide.example/fhir/CodeSystem/observation";

    private FhirObservations() {
    }

    static void session(FhirBundle bundle, UUID patientId, SessionRow s) {
        Observation activity = base(FhirIds.derived("session", patientId, s.id()), patientId, "activity", s.changedAt());
        activity.setCode(new CodeableConcept(new Coding(LOINC, "55411-3", "Exercise duration"))
                .setText("Home exercise session"));
        activity.addIdentifier(FhirParties.identifier("session", s.id()));
        activity.setEffective(new Period().setStart(Date.from(s.startedAt())).setEnd(Date.from(s.endedAt())));
        long minutes = Math.max(0, Duration.between(s.startedAt(), s.endedAt()).toMinutes());
        activity.setValue(minutes(minutes));
        activity.addComponent().setCode(new CodeableConcept(new Coding(GLIDE_CODES, "completion",
                "Share of the prescribed exercises done"))).setValue(percent(s.completion()));
        String[] when = {"before", "peak", "after"};
        int[] pain = {s.painBefore(), s.painPeak(), s.painAfter()};
        Instant[] at = {s.startedAt(), null, s.endedAt()};
        for (int i = 0; i < 3; i++) {
            Observation p = pain(FhirIds.derived("pain-" + when[i], patientId, s.id()), patientId, s.changedAt(), pain[i],
                    "Pain " + (i == 1 ? "at its peak during" : when[i]) + " the exercise session (NPRS)");
            p.setEffective(at[i] != null ? new DateTimeType(Date.from(at[i]))
                    : new Period().setStart(Date.from(s.startedAt())).setEnd(Date.from(s.endedAt())));
            bundle.add(p);
            activity.addHasMember(ref(p.getIdPart()));
        }
        bundle.add(activity);
    }

    static void morning(FhirBundle bundle, UUID patientId, MorningRow m) {
        Observation o = pain(FhirIds.derived("morning-check", patientId, m.sessionId()), patientId, m.createdAt(), m.pain(),
                "Pain the morning after an exercise session (NPRS)");
        o.setEffective(new DateTimeType(Date.from(m.createdAt())));
        o.addComponent().setCode(new CodeableConcept(new Coding(GLIDE_CODES, "morning-after",
                        "Compared with before the session")))
                .setValue(new CodeableConcept(new Coding(GLIDE_CODES, m.answer().toLowerCase(), m.answer()))
                        .setText(m.answer()));
        o.addIdentifier(FhirParties.identifier("morning-check", m.sessionId()));
        bundle.add(o);
    }

    static void adherence(FhirBundle bundle, UUID patientId, AdherenceRow a) {
        Observation o = base(FhirIds.derived("adherence", patientId), patientId, "activity", a.updatedAt());
        o.setCode(new CodeableConcept(new Coding(GLIDE_CODES, "adherence", "Home exercise adherence"))
                .setText("Completed ÷ prescribed home exercise sessions"));
        o.setEffective(new DateTimeType(a.computedOn().toString()));
        component(o, "adherence-7d", "Last 7 days", a.adherence7d());
        component(o, "adherence-28d", "Last 28 days", a.adherence28d());
        component(o, "adherence-all", "Since the plan began", a.adherenceAll());
        bundle.add(o);
    }

    private static void component(Observation o, String code, String display, BigDecimal share) {
        if (share != null) {
            o.addComponent().setCode(new CodeableConcept(new Coding(GLIDE_CODES, code, display))).setValue(percent(share));
        }
    }

    static Observation pain(String id, UUID patientId, Instant changed, int value, String text) {
        Observation o = base(id, patientId, "survey", changed);
        o.setCode(new CodeableConcept(new Coding(LOINC, NPRS, NPRS_DISPLAY)).setText(text));
        o.setValue(new IntegerType(value));
        return o;
    }

    static Observation base(String id, UUID patientId, String category, Instant changed) {
        Observation o = new Observation();
        o.setId(id);
        o.getMeta().setLastUpdated(Date.from(changed));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY, category, category.equals("survey") ? "Survey" : "Activity")));
        o.setSubject(ref(patientId));
        o.addPerformer(ref(patientId));
        return o;
    }

    static Quantity minutes(long minutes) {
        return new Quantity().setValue(minutes).setUnit("min").setSystem(FhirPlans.UCUM).setCode("min");
    }

    static Quantity percent(BigDecimal share) {
        return new Quantity().setValue(share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP))
                .setUnit("%").setSystem(FhirPlans.UCUM).setCode("%");
    }
}
