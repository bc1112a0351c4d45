package app.glide.fhir;

import app.glide.db.JsonColumns;
import app.glide.fhir.FhirPlans.PlanHistory;
import app.glide.fhir.FhirRows.ExerciseRow;
import app.glide.fhir.FhirRows.InterventionRow;
import app.glide.fhir.FhirRows.PatientRow;
import app.glide.fhir.FhirRows.RevisionRow;
import app.glide.plan.PlanContent;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A patient's record as a FHIR R4 collection Bundle, built with HAPI's model and written with its
 * JSON parser. Reads a fixed number of statements (see {@link FhirRows}), whatever the history's
 * length. The caller has checked access; {@code since} (inclusive) leaves out what did not change
 * since then, except the parties the other resources refer to.
 */
@ApplicationScoped
public class FhirExport {

    /** Created once: building a FhirContext scans the whole R4 model. */
    private static final FhirContext R4 = FhirContext.forR4Cached();

    @Inject
    FhirRows rows;

    @Inject
    JsonColumns json;

    @Transactional(Transactional.TxType.REQUIRED)
    public String json(UUID patientId, Instant since, Instant asOf) {
        return R4.newJsonParser().encodeResourceToString(bundle(patientId, since, asOf));
    }

    /** For the data export: inside its transaction, streamed. */
    public void write(UUID patientId, Instant since, Instant asOf, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        R4.newJsonParser().setPrettyPrint(true).encodeResourceToWriter(bundle(patientId, since, asOf), writer);
        writer.flush();
    }

    public static FhirContext context() {
        return R4;
    }

    Bundle bundle(UUID patientId, Instant since, Instant asOf) {
        Instant from = since == null ? FhirRows.BEGINNING : since;
        PatientRow patient = rows.patient(patientId).orElseThrow(
                () -> new IllegalStateException("patient " + patientId + " vanished after the access check"));
        var team = rows.careTeam(patientId);
        List<PlanHistory> plans = plans(rows.revisions(patientId));
        var sessions = rows.sessions(patientId, from);
        var mornings = rows.mornings(patientId, from);
        var adherence = rows.adherence(patientId, from);
        var flags = rows.openRedFlags(patientId, from);
        var visits = rows.visits(patientId, from);
        Map<UUID, List<InterventionRow>> interventions = rows.interventions(patientId).stream()
                .collect(Collectors.groupingBy(InterventionRow::visitId, LinkedHashMap::new, Collectors.toList()));
        var outcomes = rows.outcomes(patientId, from);
        var messages = rows.messages(patientId, from);

        Set<UUID> staff = new LinkedHashSet<>();
        staff.add(patient.primaryTherapistId());
        team.forEach(m -> staff.add(m.therapistId()));
        plans.forEach(p -> p.revisions().forEach(r -> addStaff(staff, r.createdBy(), r.createdByRole())));
        visits.forEach(v -> {
            staff.add(v.createdBy());
            interventions.getOrDefault(v.id(), List.of()).forEach(i -> staff.add(i.givenBy()));
        });
        messages.forEach(m -> addStaff(staff, m.authorId(), m.kind()));
        Set<UUID> exerciseIds = new LinkedHashSet<>();
        plans.forEach(p -> p.current().items().forEach(i -> exerciseIds.add(i.exerciseId())));
        Map<UUID, ExerciseRow> exercises = exerciseIds.isEmpty() ? Map.of()
                : rows.exercises(exerciseIds.toArray(UUID[]::new)).stream()
                        .collect(Collectors.toMap(ExerciseRow::id, Function.identity()));

        FhirBundle bundle = new FhirBundle(FhirIds.derived("bundle", patientId, from), asOf);
        FhirParties.add(bundle, patient, team, rows.staff(staff.toArray(UUID[]::new)));
        for (PlanHistory plan : plans) {
            FhirPlans.add(bundle, patientId, patient.clinicId(), plan, exercises, from);
        }
        sessions.forEach(s -> FhirObservations.session(bundle, patientId, s));
        mornings.forEach(m -> FhirObservations.morning(bundle, patientId, m));
        adherence.ifPresent(a -> FhirObservations.adherence(bundle, patientId, a));
        visits.forEach(v -> FhirRecords.visit(bundle, patientId, v, interventions.getOrDefault(v.id(), List.of())));
        outcomes.forEach(o -> FhirRecords.questionnaire(bundle, patientId, o, json.read(o.answers(), JsonNode.class)));
        messages.forEach(m -> FhirRecords.message(bundle, patientId, patient.clinicId(), patient.primaryTherapistId(), m));
        flags.forEach(f -> FhirRecords.flag(bundle, patientId, patient.clinicId(), f));
        return bundle.bundle();
    }

    private static void addStaff(Set<UUID> staff, UUID userId, String role) {
        if (userId != null && ("THERAPIST".equals(role) || "ADMIN".equals(role))) {
            staff.add(userId);
        }
    }

    /** Revisions (ordered by plan, then revision) grouped per plan, each with its current content parsed. */
    private List<PlanHistory> plans(List<RevisionRow> revisions) {
        Map<UUID, List<RevisionRow>> byPlan = revisions.stream()
                .collect(Collectors.groupingBy(RevisionRow::planId, LinkedHashMap::new, Collectors.toList()));
        List<PlanHistory> plans = new ArrayList<>();
        byPlan.values().forEach(rs -> {
            RevisionRow current = rs.stream().filter(r -> r.revision() == r.currentRevision()).findFirst()
                    .orElse(rs.get(rs.size() - 1));
            PlanContent content = json.read(current.content(), PlanContent.class);
            List<RevisionRow> upToCurrent = rs.stream().filter(r -> r.revision() <= current.revision()).toList();
            plans.add(new PlanHistory(upToCurrent, content));
        });
        return plans;
    }
}
