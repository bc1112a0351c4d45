package app.glide.adherence;

import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanRevised;
import app.glide.plan.PlanRevisions;
import app.glide.web.PatientLocks;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes a patient's adherence from the daily roll-ups and plan revisions (never from
 * the session history) and keeps the snapshot the caseload view reads.
 */
@ApplicationScoped
@Transactional
public class AdherenceService {

    @Inject
    PatientAccess access;

    @Inject
    PlanRevisions planRevisions;

    @Inject
    Sql sql;

    @Inject
    PatientLocks locks;

    @Inject
    Clock clock;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdherenceView(UUID patientId, LocalDate date, Double adherence7d, Double adherence28d,
                                Double adherenceAll, boolean adherent, int streakDays, int daysWithData30,
                                Double painAvg7d, Double painBaseline, Double painTrend, Instant lastSessionAt) {
    }

    public record Computed(AdherenceMath.Summary summary, Instant lastSessionAt, LocalDate today, LocalDate planStart,
                           boolean planPaused) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdherenceView forPatient(UUID patientId) {
        Patient p = access.require(patientId);
        return view(p.id, recompute(p.id, p.timeZone));
    }

    /** A new plan revision changes what is expected of the patient: the adherence snapshot follows now. */
    void onPlanRevised(@Observes @Priority(PlanRevised.ADHERENCE) PlanRevised e) {
        if (!e.ended()) {
            recompute(e.patientId(), e.timeZone());
        }
    }

    /**
     * Recomputes and stores the patient's snapshot. Call inside the transaction that changed
     * the inputs, having taken the patient's lock first ({@link app.glide.web.PatientLocks}).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Computed recompute(UUID patientId, String zone) {
        locks.lock(patientId);
        return recompute(patientId, zone, Plan.activeFor(patientId));
    }

    /** As {@link #recompute(UUID, String)}, with the patient's active plan already at hand (or null: none). */
    @Transactional(Transactional.TxType.REQUIRED)
    public Computed recompute(UUID patientId, String zone, Plan activePlan) {
        // Already held in the write paths (taken first there; free again here). Taken here too so
        // that no caller, a GET of the adherence included, writes a snapshot from a view that a
        // concurrent writer is about to outdate.
        locks.lock(patientId);
        Instant now = clock.instant();
        LocalDate today = PatientCalendar.today(now, zone);
        Plan plan = activePlan;
        List<AdherenceMath.Revision> revisions = plan == null ? List.of()
                : planRevisions.history(plan.id, plan.currentRevision).stream()
                        .map(r -> new AdherenceMath.Revision(r.effectiveOn(), r.content())).toList();
        LocalDate from = revisions.isEmpty() ? today.minusDays(60)
                : revisions.get(0).effectiveOn().isBefore(today.minusDays(29)) ? revisions.get(0).effectiveOn()
                : today.minusDays(29);
        // The daily roll-ups of the window and, in the same round trip, when the newest session
        // ended (the row without a date).
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        Instant lastAt = null;
        for (DayRow row : sql.list("""
                select local_date, sessions, completion_sum, pain_before_sum, pain_count, null::timestamptz
                from patient_day where patient_id = ? and local_date >= ?
                union all
                (select null, null, null, null, null, ended_at from session_log where patient_id = ?
                 order by started_at desc limit 1)""",
                rs -> new DayRow(rs.getObject(1, LocalDate.class),
                        new AdherenceMath.Day(rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5)), Sql.instant(rs, 6)),
                patientId, from.minusDays(7), patientId)) {
            if (row.date() == null) {
                lastAt = row.lastEnded();
            } else {
                days.put(row.date(), row.day());
            }
        }
        AdherenceMath.Summary s = AdherenceMath.summarise(revisions, days, today);
        sql.update("""
                insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all,
                    streak_days, days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (patient_id) do update set computed_on = excluded.computed_on,
                    adherence_7d = excluded.adherence_7d, adherence_28d = excluded.adherence_28d,
                    adherence_all = excluded.adherence_all, streak_days = excluded.streak_days,
                    days_with_data_30 = excluded.days_with_data_30, pain_avg_7d = excluded.pain_avg_7d,
                    pain_baseline = excluded.pain_baseline, last_session_at = excluded.last_session_at,
                    updated_at = excluded.updated_at""",
                patientId, today, dec(s.adherence7d(), 4), dec(s.adherence28d(), 4), dec(s.adherenceAll(), 4),
                s.streakDays(), s.daysWithData30(), dec(s.painAvg7d(), 2), dec(s.painBaseline(), 2), lastAt, now);
        return new Computed(s, lastAt, today, revisions.isEmpty() ? null : revisions.get(0).effectiveOn(),
                !revisions.isEmpty() && revisions.get(revisions.size() - 1).content().paused());
    }

    private record DayRow(LocalDate date, AdherenceMath.Day day, Instant lastEnded) {
    }

    public static AdherenceView view(UUID patientId, Computed c) {
        AdherenceMath.Summary s = c.summary();
        Double trend = s.painAvg7d() == null || s.painBaseline() == null ? null
                : round(s.painAvg7d() - s.painBaseline(), 2);
        return new AdherenceView(patientId, c.today(), round(s.adherence7d(), 4), round(s.adherence28d(), 4),
                round(s.adherenceAll(), 4), s.adherent7d(), s.streakDays(), s.daysWithData30(),
                round(s.painAvg7d(), 2), round(s.painBaseline(), 2), trend, c.lastSessionAt());
    }

    private static Double round(Double v, int scale) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal dec(Double v, int scale) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }
}
