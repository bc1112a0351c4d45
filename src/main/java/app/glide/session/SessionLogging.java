package app.glide.session;

import app.glide.access.Caller;
import app.glide.adherence.AdherenceService;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertRules;
import app.glide.alert.AlertService;
import app.glide.audit.AuditLog;
import app.glide.db.ContentHash;
import app.glide.db.DbTime;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanRevisions;
import app.glide.session.SessionDtos.SessionRequest;
import app.glide.session.SessionDtos.SessionView;
import app.glide.symptom.SymptomChange;
import app.glide.symptom.SymptomExtent;
import app.glide.web.ApiProblem.FieldError;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Logging one session (idempotent by the app's UUID; a batch logs each in its own
 * transaction through {@link BatchLogger}). A new session updates the daily roll-up, the
 * adherence snapshot and the neighbouring session's symptom change, raises its alerts and
 * fires {@link SessionEvidence}, all in the same transaction.
 */
@ApplicationScoped
@Transactional
public class SessionLogging {

    @Inject
    Caller caller;

    @Inject
    PlanRevisions revisions;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AdherenceService adherence;

    @Inject
    AlertService alerts;

    @Inject
    AuditLog audit;

    @Inject
    Event<SessionEvidence> evidence;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    PatientLocks locks;

    @Inject
    SessionViews views;

    @Inject
    RisingPain risingPain;

    @Inject
    Clock clock;

    public record Logged(SessionView view, boolean created) {
    }

    /** The session after another by start time: its id, symptom extent and stored change. */
    private record Next(UUID id, String extent, String change) {
    }

    private record Neighbours(String previousExtent, Next next) {
    }

    /** What logging a session needs about the patient, their plan and their clinic's thresholds: one statement. */
    private record Context(UUID patientId, UUID clinicId, String timeZone, Plan plan, AlertRules.Thresholds thresholds) {
    }

    private Context context(UUID patientId, UUID planId) {
        return sql.first("""
                select pa.clinic_id, pa.time_zone, pl.patient_id, pl.status, pl.current_revision, pl.created_at,
                       cs.pain_rise_points, cs.worse_mornings_in_a_row, cs.low_adherence_percent, cs.inactivity_days
                from patient pa
                left join plan pl on pl.id = ?
                left join clinic_settings cs on cs.clinic_id = pa.clinic_id
                where pa.id = ?""", rs -> {
            UUID clinicId = Sql.uuid(rs, 1);
            Plan plan = null;
            if (rs.getObject(3) != null) {
                plan = new Plan();
                plan.id = planId;
                plan.patientId = Sql.uuid(rs, 3);
                plan.clinicId = clinicId;
                plan.status = Plan.Status.valueOf(rs.getString(4));
                plan.currentRevision = rs.getInt(5);
                plan.createdAt = Sql.instant(rs, 6);
            }
            AlertRules.Thresholds t = rs.getObject(7) == null ? AlertRules.Thresholds.DEFAULTS
                    : new AlertRules.Thresholds(rs.getDouble(7), rs.getInt(8), rs.getInt(9), rs.getInt(10));
            return new Context(patientId, clinicId, rs.getString(2), plan, t);
        }, planId, patientId).orElseThrow(() -> new IllegalStateException("no patient row for an authenticated patient"));
    }

    public Logged log(UUID id, SessionRequest r) {
        // First, before any read: one writer per patient, so the snapshot, the neighbours'
        // symptom changes and the holds are computed from every session committed before
        // this one (see PatientLocks).
        locks.lockWritable(caller.userId());
        Context patient = context(caller.userId(), r.planId());
        // What is stored and answered has PostgreSQL's precision (the clock ticks in microseconds), so a
        // replay or a later read answers the same.
        Instant now = clock.instant();
        OffsetDateTime startedAt = DbTime.micros(r.startedAt());
        OffsetDateTime endedAt = DbTime.micros(r.endedAt());
        SessionRules.checkTimes(r, now);
        SessionRules.checkNotEmpty(r, startedAt, endedAt);
        Plan plan = patient.plan();
        PlanRevisions.Entry rev = plan == null || !plan.patientId.equals(patient.patientId()) ? null
                : revisions.revision(plan.id, r.planRevision(), plan.currentRevision);
        if (rev == null) {
            throw new ApiProblem(422, "unknown-plan-revision", "Session cannot be recorded", "1 problem in the session.",
                    List.of(new FieldError("planRevision", "your plan has no revision " + r.planRevision()
                            + " of plan " + r.planId())), null);
        }
        PlanContent content = rev.content();
        // Which local time the start was: an explicit offset is the phone's; UTC is taken in the patient's zone.
        ZoneOffset offset = SessionClock.localOffset(startedAt, ZoneId.of(patient.timeZone()));
        startedAt = startedAt.withOffsetSameInstant(offset);
        endedAt = endedAt.withOffsetSameInstant(offset);
        LocalDate day = startedAt.toLocalDate();
        SessionRules.checkItems(r, content);
        double completion = CompletionMath.completion(r.items(), content, day, catalog.chainFor(patient.clinicId()));
        byte[] hash = ContentHash.sha256(json.write(SessionHash.canonical(r)));

        // The sessions either side by start time, in one statement: this one's symptom change is
        // against the one before; the one after is recomputed against this one (it arrived first).
        Neighbours around = sql.first("""
                select (select symptom_extent from session_log where patient_id = ? and started_at < ?
                        order by started_at desc limit 1),
                       n.id, n.symptom_extent, n.symptom_change
                from (select 1) one left join lateral (
                    select id, symptom_extent, symptom_change from session_log where patient_id = ? and started_at > ?
                    order by started_at limit 1) n on true""",
                rs -> new Neighbours(rs.getString(1), rs.getObject(2) == null ? null
                        : new Next(Sql.uuid(rs, 2), rs.getString(3), rs.getString(4))),
                patient.patientId(), startedAt.toInstant(), patient.patientId(), startedAt.toInstant()).orElseThrow();
        String previousExtent = around.previousExtent();
        SymptomChange change = r.symptomExtent().comparedWith(previousExtent == null ? null : SymptomExtent.valueOf(previousExtent));
        BigDecimal completionValue = BigDecimal.valueOf(completion).setScale(4, RoundingMode.HALF_UP);

        int inserted = sql.update("""
                insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
                    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
                    symptom_change, completion, items, note, body_hash, received_at, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                on conflict (patient_id, id) do nothing""",
                id, patient.patientId(), patient.clinicId(), r.planId(), r.planRevision(), startedAt.toInstant(),
                endedAt.toInstant(), offset.getTotalSeconds() / 60, day, r.painBefore(),
                r.painPeak(), r.painAfter(), r.difficulty(), r.symptomExtent().name(),
                change == null ? null : change.name(), completionValue, json.write(r.items()), r.note(), hash, now, now);
        if (inserted == 0) {
            // This patient's own session under that id (another patient's never conflicts: the key is per patient).
            SessionLog existing = SessionLog.findById(new SessionLog.Key(patient.patientId(), id));
            if (!Arrays.equals(existing.bodyHash, hash)) {
                throw ApiProblem.conflict("session-conflict", "Session id already used",
                        "A different session was already recorded under id " + id
                                + "; give every session its own UUID.");
            }
            return new Logged(views.views(List.of(existing)).get(0), false);
        }
        sql.update("""
                insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
                values (?, ?, 1, ?, ?, 1)
                on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
                    completion_sum = patient_day.completion_sum + excluded.completion_sum,
                    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
                    pain_count = patient_day.pain_count + 1""",
                patient.patientId(), day, completionValue, r.painBefore());
        AdherenceService.Computed computed = Plan.ACTIVE.equals(plan.status)
                ? adherence.recompute(patient.patientId(), patient.timeZone(), plan)
                : adherence.recompute(patient.patientId(), patient.timeZone());
        raiseSessionAlerts(patient, id, change, r, day, computed);
        recomputeNextSymptomChange(patient, around.next(), r, now);
        // The rules follow every session: AUTO changes, holds of scheduled progression, and
        // what the caseload shows as pending.
        if (Plan.ACTIVE.equals(plan.status)) {
            // What the rules need of the patient and the plan was read with the session's context.
            Patient who = new Patient();
            who.id = patient.patientId();
            who.clinicId = patient.clinicId();
            who.timeZone = patient.timeZone();
            evidence.fire(new SessionEvidence(who, plan));
        } else {
            evidence.fire(new SessionEvidence(Patient.findById(patient.patientId()), null));
        }
        audit.record("session", id, "logged", Map.of("planRevision", r.planRevision(), "completion", completion));
        // What was just stored, without reading it back: a new session has no comments or check yet.
        // Both times at the stored offset, as every later read renders them.
        return new Logged(new SessionView(id, r.planId(), r.planRevision(), startedAt, endedAt, day, r.painBefore(),
                r.painPeak(), r.painAfter(), r.difficulty(), r.symptomExtent(), change,
                completionValue.doubleValue(), r.items(), r.note(),
                now, now, null, List.of()), true);
    }

    /**
     * Symptom change is by start time, whatever the upload order: when this session arrived
     * after a later one (an offline batch sent newest first), the later one's change is
     * recomputed against it, and a peripheralisation found that way raises its alert.
     */
    private void recomputeNextSymptomChange(Context p, Next next, SessionRequest r, Instant at) {
        if (next == null) {
            return;
        }
        SymptomExtent nextExtent = SymptomExtent.valueOf(next.extent());
        SymptomChange change = nextExtent.comparedWith(r.symptomExtent());
        String now = change == null ? null : change.name();
        if (Objects.equals(now, next.change())) {
            return;
        }
        sql.update("update session_log set symptom_change = ?, changed_at = ? where patient_id = ? and id = ?", now,
                at, p.patientId(), next.id());
        if (change == SymptomChange.PERIPHERALISING) {
            alerts.raise(p.clinicId(), p.patientId(), AlertKind.PERIPHERALISATION, "session:" + next.id(),
                    "Symptoms spread further down the leg (now " + nextExtent.name().toLowerCase().replace('_', ' ')
                            + "), found when an earlier session arrived late.",
                    Map.of("sessionId", next.id().toString(), "symptomExtent", nextExtent.name()), false);
        }
    }

    private void raiseSessionAlerts(Context p, UUID sessionId, SymptomChange change, SessionRequest r,
                                    LocalDate day, AdherenceService.Computed computed) {
        AlertRules.Thresholds t = p.thresholds();
        if (change == SymptomChange.PERIPHERALISING) {
            alerts.raise(p.clinicId(), p.patientId(), AlertKind.PERIPHERALISATION, "session:" + sessionId,
                    "Symptoms spread further down the leg (now " + r.symptomExtent().name().toLowerCase().replace('_', ' ') + ").",
                    Map.of("sessionId", sessionId.toString(), "symptomExtent", r.symptomExtent().name()), false);
        }
        var s = computed.summary();
        // Expected soreness after needling or manual therapy is left out (RisingPain); red flags are another path.
        risingPain.alertAverage(p.patientId(), r.startedAt().toInstant(), computed.today(), s.painAvg7d(),
                s.painBaseline(), t).ifPresent(avg -> alerts.raise(p.clinicId(), p.patientId(), AlertKind.PAIN_RISING,
                "week:" + PatientCalendar.weekStart(day),
                String.format(Locale.ROOT, "Resting pain over the last 7 days averages %.1f, %.1f above the first week (%.1f).",
                        avg, avg - s.painBaseline(), s.painBaseline()),
                Map.of("painAvg7d", avg, "painBaseline", s.painBaseline()), false));
    }
}
