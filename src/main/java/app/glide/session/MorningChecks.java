package app.glide.session;

import app.glide.access.Caller;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertRules;
import app.glide.alert.AlertService;
import app.glide.alert.ClinicThresholds;
import app.glide.audit.AuditLog;
import app.glide.clinic.ClinicSettings;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.plan.MorningCheckWindow;
import app.glide.session.SessionDtos.MorningCheckView;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The patient's next-morning check on a session (once per session; a replay of the same answer
 * is accepted): may raise the worse-mornings alert and is evidence the suggestion rules follow.
 */
@ApplicationScoped
@Transactional
public class MorningChecks {

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    AlertService alerts;

    @Inject
    AuditLog audit;

    @Inject
    Event<SessionEvidence> evidence;

    @Inject
    PatientLocks locks;

    @Inject
    Clock clock;

    public MorningCheckView morningCheck(UUID sessionId, SessionDtos.MorningCheckRequest r) {
        // First: the check may change holds and the plan, which recomputes the snapshot (see PatientLocks).
        locks.lockWritable(caller.userId());
        Patient patient = Patient.findById(caller.userId());
        SessionLog session = SessionLog.<SessionLog>find("id = ?1 and patientId = ?2", sessionId, patient.id).firstResult();
        if (session == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        Instant now = clock.instant();
        MorningCheck already = MorningCheck.findById(new MorningCheck.Key(patient.id, sessionId));
        if (already == null) {
            ZoneId zone = ZoneId.of(patient.timeZone);
            Instant opens = MorningCheckWindow.opensAt(session.endedAt, session.localDate, zone,
                    ClinicSettings.of(patient.clinicId).morningCheckMinHours);
            if (now.isBefore(opens)) {
                throw new ApiProblem(422, "morning-check-too-early", "Too early for the next-morning check",
                        "The next-morning check for this session opens at " + opens.atZone(zone).toLocalDateTime()
                                .truncatedTo(ChronoUnit.MINUTES) + " your time (" + zone.getId()
                                + "): how the pain is after a night's rest is what counts.");
            }
        }
        int inserted = sql.update("""
                insert into morning_check (session_id, patient_id, answer, pain, created_at) values (?, ?, ?, ?, ?)
                on conflict (patient_id, session_id) do nothing""",
                sessionId, patient.id, r.answer().name(), r.pain(), now);
        MorningCheck stored = MorningCheck.findById(new MorningCheck.Key(patient.id, sessionId));
        if (inserted == 0) {
            if (!stored.answer.equals(r.answer().name()) || stored.pain != r.pain()) {
                throw ApiProblem.conflict("morning-check-conflict", "Morning check already recorded",
                        "This session already has a different next-morning answer.");
            }
            return SessionViews.view(stored);
        }
        touch(patient.id, sessionId, now);
        AlertRules.Thresholds t = ClinicThresholds.of(ClinicSettings.of(patient.clinicId));
        List<String> newestFirst = sql.list("""
                select m.answer from morning_check m join session_log s on s.patient_id = m.patient_id and s.id = m.session_id
                where m.patient_id = ? order by s.started_at desc limit ?""",
                rs -> rs.getString(1), patient.id, t.worseMorningsInARow());
        if (AlertRules.worseMornings(newestFirst, t)) {
            alerts.raise(patient.clinicId, patient.id, AlertKind.WORSE_NEXT_MORNING, "session:" + sessionId,
                    "Pain was worse the next morning after the last " + t.worseMorningsInARow() + " sessions.",
                    Map.of("sessionId", sessionId.toString(), "pain", r.pain()), false);
        }
        audit.record("session", sessionId, "morning_checked", Map.of("answer", r.answer().name(), "pain", r.pain()));
        evidence.fire(new SessionEvidence(patient, null));
        return SessionViews.view(stored);
    }

    private void touch(UUID patientId, UUID sessionId, Instant now) {
        sql.update("update session_log set changed_at = ? where patient_id = ? and id = ?", now, patientId, sessionId);
    }
}
