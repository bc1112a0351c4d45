package app.glide.fhir;

import static app.glide.fhir.FhirIds.ref;

import app.glide.exercise.Dosage;
import app.glide.fhir.FhirRows.ExerciseRow;
import app.glide.fhir.FhirRows.RevisionRow;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;

/**
 * A plan as a CarePlan with one ServiceRequest per item of its current revision (SNOMED CT
 * 229065009 "Exercise therapy", as the Physical Activity IG prescribes exercise), and one
 * Provenance per revision: who made it (therapist, patient or the rules), when, and why. Plain Java.
 */
final class FhirPlans {

    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String EXERCISE_SLUG_SYSTEM = FhirParties.ID_SYSTEM + "/exercise";

    private FhirPlans() {
    }

    /** One plan: its revisions (oldest first) and their parsed contents, the current one last. */
    record PlanHistory(List<RevisionRow> revisions, PlanContent current) {
        RevisionRow head() {
            return revisions.get(revisions.size() - 1);
        }
    }

    static void add(FhirBundle bundle, UUID patientId, UUID clinicId, PlanHistory plan,
                    Map<UUID, ExerciseRow> exercises, Instant since) {
        RevisionRow head = plan.head();
        UUID planId = head.planId();
        boolean active = "ACTIVE".equals(head.planStatus());
        boolean changed = plan.revisions().stream().anyMatch(r -> !r.createdAt().isBefore(since))
                || (head.endedAt() != null && !head.endedAt().isBefore(since));
        if (changed) {
            CarePlan carePlan = new CarePlan();
            carePlan.setId(planId.toString());
            carePlan.getMeta().setLastUpdated(Date.from(head.endedAt() != null ? head.endedAt() : head.createdAt()));
            carePlan.getMeta().setVersionId(Integer.toString(head.revision()));
            carePlan.setStatus(active ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.COMPLETED);
            carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
            carePlan.setTitle(plan.current().name());
            carePlan.setDescription("Home exercise programme"
                    + (plan.current().scalePercent() != 100
                    ? ", at " + plan.current().scalePercent() + " % of the prescribed reps, holds and durations" : "")
                    + (plan.current().paused() ? " (paused)" : ""));
            carePlan.setSubject(ref(patientId));
            carePlan.getPeriod().setStart(Date.from(head.planCreatedAt()));
            if (head.endedAt() != null) {
                carePlan.getPeriod().setEnd(Date.from(head.endedAt()));
            }
            carePlan.setCreated(Date.from(head.planCreatedAt()));
            carePlan.addCategory(new CodeableConcept(new Coding(SNOMED, "229065009", "Exercise therapy")));
            for (PlanItem item : plan.current().items()) {
                ServiceRequest request = serviceRequest(patientId, clinicId, planId, head, item,
                        exercises.get(item.exerciseId()), active && !item.paused() && !plan.current().paused());
                bundle.add(request);
                carePlan.addActivity().setReference(ref(request.getIdPart()));
            }
            bundle.add(carePlan);
        }
        for (RevisionRow revision : plan.revisions()) {
            if (!revision.createdAt().isBefore(since)) {
                bundle.add(provenance(patientId, clinicId, revision));
            }
        }
    }

    static ServiceRequest serviceRequest(UUID patientId, UUID clinicId, UUID planId, RevisionRow head, PlanItem item,
                                         ExerciseRow exercise, boolean active) {
        ServiceRequest request = new ServiceRequest();
        request.setId(FhirIds.derived("service-request", planId, item.id()));
        request.addIdentifier().setSystem(EXERCISE_SLUG_SYSTEM).setValue(exercise.slug());
        request.addBasedOn(ref(planId));
        request.setStatus(active ? ServiceRequest.ServiceRequestStatus.ACTIVE
                : "ACTIVE".equals(head.planStatus()) ? ServiceRequest.ServiceRequestStatus.ONHOLD
                : ServiceRequest.ServiceRequestStatus.COMPLETED);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory(new CodeableConcept(new Coding(SNOMED, "229065009", "Exercise therapy")));
        request.setCode(new CodeableConcept(new Coding(SNOMED, "229065009", "Exercise therapy"))
                .setText(exercise.name()));
        request.setSubject(ref(patientId));
        request.addPerformer(ref(patientId));
        request.setRequester(FhirParties.party(head.createdByRole(), head.createdBy(), patientId, clinicId));
        request.setAuthoredOn(Date.from(head.createdAt()));
        request.setOccurrence(timing(item.schedule(), item.dosage()));
        Dosage dose = item.dosage();
        if (dose.reps() != null) {
            request.setQuantity(new Quantity().setValue(dose.reps()).setUnit("repetitions")
                    .setSystem(UCUM).setCode("{repetitions}"));
        }
        request.setPatientInstruction(DoseText.of(dose) + (item.note() == null ? "" : ". " + item.note()));
        return request;
    }

    static Timing timing(Schedule schedule, Dosage dose) {
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        if (schedule.isFlexible()) {
            repeat.setFrequency(schedule.sessionsPerWeek()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        } else {
            int perDay = dose.timesPerDay() == null ? 1 : dose.timesPerDay();
            repeat.setFrequency(perDay).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
            for (DayOfWeek day : schedule.daysOfWeek()) {
                repeat.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase()));
            }
        }
        return timing;
    }

    static Provenance provenance(UUID patientId, UUID clinicId, RevisionRow revision) {
        Provenance provenance = new Provenance();
        provenance.setId(FhirIds.derived("plan-revision", revision.planId(), revision.revision()));
        provenance.addTarget(new Reference(FhirIds.fullUrl(revision.planId().toString()))
                .setDisplay("Plan revision " + revision.revision()));
        provenance.setRecorded(Date.from(revision.createdAt()));
        provenance.setOccurred(new org.hl7.fhir.r4.model.DateTimeType(revision.effectiveOn().toString()));
        provenance.addReason(new CodeableConcept().setText(revision.reason()));
        provenance.setActivity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                "CREATED".equals(revision.kind()) ? "CREATE" : "UPDATE",
                "CREATED".equals(revision.kind()) ? "create" : "revise")).setText(revision.kind()));
        Provenance.ProvenanceAgentComponent agent = provenance.addAgent();
        agent.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "author", "Author")).setText(revision.createdByRole()));
        agent.setWho(FhirParties.party(revision.createdByRole(), revision.createdBy(), patientId, clinicId));
        return provenance;
    }
}
