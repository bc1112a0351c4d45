package app.glide.safety;

import app.glide.language.RuleTexts;
import app.glide.language.RuleLanguage;
import app.glide.access.Caller;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.audit.AuditLog;
import app.glide.clinic.ClinicSettings;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.safety.RedFlagDtos.RedFlagRequest;
import app.glide.safety.RedFlagDtos.RedFlagResponse;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Red-flag check-ins. A positive answer raises an URGENT alert for the care team in the
 * same transaction as the check-in itself, and the answer tells the patient to seek care
 * now (the clinic's own wording).
 */
@ApplicationScoped
public class RedFlagService {

    static final String ALL_CLEAR = "Thank you. None of your answers needs urgent care. If anything changes, check in again"
            + " or contact your therapist.";

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    RuleLanguage ruleLanguage;

    @Inject
    AlertService alerts;

    @Inject
    PatientLocks locks;

    @Inject
    AuditLog audit;

    @Inject
    JsonColumns json;

    @Inject
    Clock clock;

    @Transactional
    public RedFlagResponse checkIn(RedFlagRequest request) {
        // First: a positive check-in holds the plan (a plan change); see PatientLocks.
        locks.lockWritable(caller.userId());
        Patient p = Patient.findById(caller.userId());
        Map<String, Boolean> answers = RedFlags.answers(request);
        List<String> positive = RedFlags.positive(answers);
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into red_flag_check (id, patient_id, answers, positive, created_at)
                values (?, ?, cast(? as jsonb), ?, ?)""", id, p.id, json.write(answers), !positive.isEmpty(), clock.instant());
        audit.record("red_flag_check", id, positive.isEmpty() ? "negative" : "positive", Map.of("positive", positive));
        if (positive.isEmpty()) {
            return new RedFlagResponse(id, false, false, RuleTexts.text(ruleLanguage.of(p.id), "redFlag.allClear"),
                    List.of());
        }
        alerts.raise(p.clinicId, p.id, AlertKind.RED_FLAG, "check:" + id,
                "Red-flag symptoms reported: " + String.join(", ", positive) + ". Contact the patient today.",
                Map.of("checkId", id.toString(), "positive", positive), false);
        // The clinic's own message as written; our default in the patient's language.
        String message = ClinicSettings.of(p.clinicId).redFlagMessage;
        if (message.equals(ClinicSettings.DEFAULT_RED_FLAG_MESSAGE)) {
            message = RuleTexts.text(ruleLanguage.of(p.id), "stop.redFlag.message");
        }
        return new RedFlagResponse(id, true, true, message, positive);
    }

}
