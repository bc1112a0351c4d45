package app.glide.outcome;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.db.Sql;
import app.glide.outcome.OutcomeDtos.ScheduleRequest;
import app.glide.outcome.OutcomeDtos.ScheduleView;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.patient.PatientDischarged;
import app.glide.visit.VisitQueries;
import app.glide.visit.VisitRecorded;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which instruments a therapist wants a patient to answer, and when (at evaluation, every N days,
 * at discharge). The due set follows from the schedules and the responses ({@link DueQuestionnaires});
 * the patient's discharge is signalled through {@link #markDischargeDue}.
 */
@ApplicationScoped
@Transactional
public class OutcomeSchedules {

    @Inject
    PatientAccess access;

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    VisitQueries visits;

    @Inject
    PatientLocks locks;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record Saved(ScheduleView view, boolean created) {
    }

    public Saved put(UUID patientId, String instrumentId, ScheduleRequest r) {
        Patient p = access.require(patientId);
        InstrumentDefinition d = instrument(instrumentId);
        if (!r.atEvaluation() && r.everyDays() == null && !r.atDischarge()) {
            throw ApiProblem.unprocessable("empty-schedule", "Schedule asks for nothing",
                    "Set atEvaluation, everyDays or atDischarge; to stop asking for " + d.id() + ", delete the schedule.");
        }
        locks.lockWritable(p.id);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(p.timeZone));
        boolean created = sql.first("""
                insert into outcome_schedule (patient_id, instrument_id, clinic_id, at_evaluation, every_days,
                    at_discharge, starts_on, scheduled_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (patient_id, instrument_id) do update set at_evaluation = excluded.at_evaluation,
                    every_days = excluded.every_days, at_discharge = excluded.at_discharge,
                    scheduled_by = excluded.scheduled_by, changed_at = excluded.changed_at
                returning (xmax = 0)""", rs -> rs.getBoolean(1),
                p.id, d.id(), p.clinicId, r.atEvaluation(), r.everyDays(), r.atDischarge(), today, caller.userId(), now)
                .orElseThrow();
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("patientId", p.id.toString());
        what.put("atEvaluation", r.atEvaluation());
        what.put("everyDays", r.everyDays());
        what.put("atDischarge", r.atDischarge());
        audit.record("outcome_schedule", d.id(), created ? "created" : "changed", what);
        return new Saved(list(p, d.id()).get(0), created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleView> list(UUID patientId) {
        return list(access.require(patientId), null);
    }

    public void delete(UUID patientId, String instrumentId) {
        Patient p = access.require(patientId);
        InstrumentDefinition d = instrument(instrumentId);
        locks.lockWritable(p.id);
        int deleted = sql.update("delete from outcome_schedule where patient_id = ? and instrument_id = ?", p.id, d.id());
        if (deleted == 0) {
            throw ApiProblem.notFound("schedule of " + d.id() + " for patient", p.id);
        }
        audit.record("outcome_schedule", d.id(), "deleted", Map.of("patientId", p.id.toString()));
    }

    /**
     * The patient is being discharged on {@code date} (their local date): every instrument scheduled
     * "at discharge" becomes due from then until answered. For the discharge visit and the patient's
     * status DISCHARGED; joins the caller's transaction. Returns how many schedules it touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markDischargeDue(UUID patientId, LocalDate date) {
        return sql.update("""
                update outcome_schedule set discharge_on = ?, changed_at = ?
                where patient_id = ? and at_discharge and discharge_on is distinct from ?""",
                date, clock.instant(), patientId, date);
    }

    /** A patient's status became DISCHARGED: what is scheduled "at discharge" is due from that day. */
    void onDischarged(@Observes PatientDischarged e) {
        markDischargeDue(e.patientId(), e.on());
    }

    /**
     * A discharge visit was recorded (or a visit amended into one): due from the visit's date. A
     * visit amended away from DISCHARGE (or to another date) leaves the latest discharge visit that
     * remains, or none: nothing stays due for a discharge that is no longer recorded.
     */
    void onVisit(@Observes VisitRecorded e) {
        if ("DISCHARGE".equals(e.kind()) && !e.amended()) {
            markDischargeDue(e.patientId(), e.visitDate());
        } else if (e.amended()) {
            LocalDate latest = visits.latestDischarge(e.patientId()).orElse(null);
            sql.update("""
                    update outcome_schedule set discharge_on = ?, changed_at = ?
                    where patient_id = ? and at_discharge and discharge_on is distinct from ?""",
                    latest, clock.instant(), e.patientId(), latest);
        }
    }

    private List<ScheduleView> list(Patient p, String onlyInstrument) {
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return sql.list("""
                select s.instrument_id, s.at_evaluation, s.every_days, s.at_discharge, s.starts_on, s.discharge_on,
                       s.scheduled_by, s.changed_at,
                       (select max(r.answered_at) from outcome_response r
                        where r.patient_id = s.patient_id and r.instrument_id = s.instrument_id
                          and isfinite(r.answered_at))
                from outcome_schedule s
                where s.patient_id = ? and (cast(? as text) is null or s.instrument_id = ?)
                order by s.instrument_id""", rs -> {
                    Instant last = Sql.instant(rs, 9);
                    DueQuestionnaires.ScheduleState state = new DueQuestionnaires.ScheduleState(rs.getString(1),
                            rs.getBoolean(2), (Integer) rs.getObject(3), rs.getBoolean(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            last == null ? null : LocalDate.ofInstant(last, zone));
                    return new ScheduleView(state.instrumentId(), state.atEvaluation(), state.everyDays(),
                            state.atDischarge(), state.startsOn(), state.dischargeOn(),
                            DueQuestionnaires.dueSince(state, today).orElse(null), Sql.uuid(rs, 7), Sql.instant(rs, 8));
                }, p.id, onlyInstrument, onlyInstrument);
    }

    /** A known instrument, or 404 (an instrument id is part of the path). */
    static InstrumentDefinition instrument(String instrumentId) {
        return Instruments.ALL.stream().filter(d -> d.id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("instrument", instrumentId));
    }
}
