package app.glide.fhir;

import static app.glide.fhir.FhirIds.ref;

import app.glide.fhir.FhirRows.FlagRow;
import app.glide.fhir.FhirRows.InterventionRow;
import app.glide.fhir.FhirRows.MessageRow;
import app.glide.fhir.FhirRows.OutcomeRow;
import app.glide.fhir.FhirRows.VisitRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The clinic half and the conversation: visits as Encounters with their in-clinic treatments as
 * Procedures, questionnaire answers as QuestionnaireResponses with their score as an Observation,
 * messages as Communications, open red flags as Flags. Only the coded, shareable parts of a visit
 * leave (kind, date, who, what was done): findings and clinical notes stay in Glide. Plain Java.
 */
final class FhirRecords {

    static final String QUESTIONNAIRE_BASE = "https://glide.example/fhir/Questionnaire/";

    private FhirRecords() {
    }

    static void visit(FhirBundle bundle, UUID patientId, VisitRow v, Iterable<InterventionRow> interventions) {
        Encounter encounter = new Encounter();
        encounter.setId(v.id().toString());
        encounter.getMeta().setLastUpdated(Date.from(v.writtenAt()));
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        encounter.addType(new CodeableConcept(new Coding(FhirObservations.GLIDE_CODES, "visit-" + v.kind().toLowerCase(),
                v.kind())).setText(v.kind()));
        encounter.setSubject(ref(patientId));
        encounter.addParticipant().setIndividual(ref(v.createdBy()));
        encounter.getPeriod().setStartElement(new DateTimeType(v.date().toString()));
        bundle.add(encounter);
        for (InterventionRow i : interventions) {
            Procedure procedure = new Procedure();
            procedure.setId(FhirIds.derived("intervention", i.visitId(), i.ordinal()));
            procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
            procedure.setCode(new CodeableConcept(new Coding(FhirObservations.GLIDE_CODES,
                    i.kind().toLowerCase().replace('_', '-'), i.kind())).setText(i.kind()));
            procedure.setSubject(ref(patientId));
            procedure.setEncounter(ref(v.id()));
            procedure.setPerformed(new DateTimeType(Date.from(i.givenAt())));
            procedure.addPerformer().setActor(ref(i.givenBy()));
            bundle.add(procedure);
        }
    }

    static void questionnaire(FhirBundle bundle, UUID patientId, OutcomeRow o, JsonNode stored) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(FhirIds.derived("questionnaire-response", patientId, o.id())); // our id is unique per patient only
        response.getMeta().setLastUpdated(Date.from(o.receivedAt()));
        response.setQuestionnaire(QUESTIONNAIRE_BASE + o.instrumentId() + "|" + o.instrumentVersion());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(ref(patientId));
        response.setAuthor(ref(patientId));
        response.setAuthored(Date.from(o.answeredAt()));
        JsonNode answers = stored.path("answers");
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = it.next();
            response.addItem().setLinkId(answer.getKey()).addAnswer().setValue(new StringType(answer.getValue().asText()));
        }
        int n = 0;
        for (JsonNode activity : stored.path("activities")) {
            n++;
            response.addItem().setLinkId("activity-" + n).setText(activity.path("name").asText())
                    .addAnswer().setValue(new IntegerType(activity.path("rating").asInt()));
        }
        bundle.add(response);

        Observation score = FhirObservations.base(FhirIds.derived("questionnaire-score", patientId, o.id()), patientId, "survey",
                o.receivedAt());
        score.setCode(new CodeableConcept(new Coding(FhirObservations.GLIDE_CODES, "score-" + o.instrumentId(),
                o.instrumentId() + " score")).setText(o.instrumentId() + " score"));
        score.setEffective(new DateTimeType(Date.from(o.answeredAt())));
        score.setValue(new Quantity().setValue(o.score()).setUnit("score").setSystem(FhirPlans.UCUM).setCode("{score}"));
        if (o.band() != null) {
            score.addInterpretation().setText(o.band());
        }
        score.addDerivedFrom(ref(FhirIds.derived("questionnaire-response", patientId, o.id())));
        bundle.add(score);
    }

    static void message(FhirBundle bundle, UUID patientId, UUID clinicId, UUID primaryTherapistId, MessageRow m) {
        Communication c = new Communication();
        c.setId(FhirIds.derived("message", patientId, m.id())); // the phone chooses message ids: unique per patient only
        c.getMeta().setLastUpdated(Date.from(m.createdAt()));
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.setSubject(ref(patientId));
        c.setSent(Date.from(m.createdAt()));
        Reference sender = FhirParties.party(m.kind(), m.authorId(), patientId, clinicId);
        c.setSender(sender);
        c.addRecipient("PATIENT".equals(m.kind()) ? ref(primaryTherapistId) : ref(patientId));
        c.addPayload().setContent(new StringType(m.body()));
        bundle.add(c);
    }

    static void flag(FhirBundle bundle, UUID patientId, UUID clinicId, FlagRow f) {
        Flag flag = new Flag();
        flag.setId(f.id().toString());
        flag.getMeta().setLastUpdated(Date.from(f.createdAt()));
        flag.setStatus(Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category",
                "clinical", "Clinical")));
        flag.setCode(new CodeableConcept(new Coding(FhirObservations.GLIDE_CODES, f.kind().toLowerCase().replace('_', '-'),
                "Possible red flag: same-day medical care")).setText(f.message()));
        flag.setSubject(ref(patientId));
        flag.getPeriod().setStart(Date.from(f.createdAt()));
        flag.setAuthor(ref(FhirParties.device(clinicId)));
        bundle.add(flag);
    }
}
