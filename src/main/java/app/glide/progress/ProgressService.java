package app.glide.progress;

import app.glide.adherence.AdherenceMath;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanRevisions;
import app.glide.progress.ProgressMath.ItemSums;
import app.glide.progress.ProgressMath.Sum;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's progress series for charts: a fixed handful of statements whatever the range
 * (the patient with the access check, the active plan and its revisions, the daily roll-ups,
 * the sessions and their items grouped by day, the revision markers, and the red flags, visits and
 * outcome scores in one).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {

    /** The longest range one request may ask for, in days. */
    public static final int MAX_DAYS = 366;
    /** The default range: the last 28 days up to the patient's today. */
    public static final int DEFAULT_DAYS = 28;

    @Inject
    PatientAccess access;

    @Inject
    PlanRevisions planRevisions;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    public ProgressDtos.ProgressSeries series(UUID patientId, String fromParam, String toParam, String bucketParam) {
        ProgressMath.Bucket bucket = bucket(bucketParam);
        LocalDate from = date("from", fromParam);
        LocalDate to = date("to", toParam);
        Patient p = access.require(patientId);
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        if (to == null) {
            to = from == null ? today : from.plusDays(DEFAULT_DAYS - 1);
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (from.isAfter(to)) {
            throw ApiProblem.badRequest("invalid-date-range", "Invalid date range",
                    "from (" + from + ") is after to (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiProblem.badRequest("invalid-date-range", "Invalid date range",
                    "The range covers more than " + MAX_DAYS + " days; ask for a shorter one.");
        }
        Plan plan = Plan.activeFor(p.id);
        List<AdherenceMath.Revision> revisions = plan == null ? List.of()
                : planRevisions.history(plan.id, plan.currentRevision).stream()
                        .map(r -> new AdherenceMath.Revision(r.effectiveOn(), r.content())).toList();
        ProgressMath.Input input = new ProgressMath.Input(revisions, rollups(p.id, from, to),
                sessions(p.id, from, to), items(p.id, from, to));
        List<ProgressMath.Point> points = ProgressMath.series(from, to, bucket, today, input);
        List<ProgressMarkers.Marker> markers = ProgressMarkers.markers(from, to, revisionRows(p.id, p.timeZone),
                events(p.id, p.timeZone, from, to));
        return ProgressDtos.series(p.id, from, to, bucket, today, points, markers);
    }

    private Map<LocalDate, ProgressMath.Rollup> rollups(UUID patientId, LocalDate from, LocalDate to) {
        Map<LocalDate, ProgressMath.Rollup> days = new HashMap<>();
        sql.list("""
                select local_date, sessions, completion_sum from patient_day
                where patient_id = ? and local_date between ? and ?""",
                rs -> days.put(rs.getObject(1, LocalDate.class), new ProgressMath.Rollup(rs.getInt(2), rs.getDouble(3))),
                patientId, from, to);
        return days;
    }

    private Map<LocalDate, ProgressMath.SessionSums> sessions(UUID patientId, LocalDate from, LocalDate to) {
        Map<LocalDate, ProgressMath.SessionSums> days = new HashMap<>();
        // started_at bounds the index range (session_log_patient_started): a local date is at most
        // 18 hours (the offset limit) away from the UTC one.
        sql.list("""
                select s.local_date, count(*), sum(s.pain_before), sum(s.pain_peak), sum(s.pain_after),
                    max(case s.symptom_extent when 'BACK_ONLY' then 0 when 'BUTTOCK' then 1 when 'THIGH' then 2
                        when 'BELOW_KNEE' then 3 else 4 end),
                    coalesce(sum(m.pain), 0), count(m.pain)
                from session_log s left join morning_check m on m.session_id = s.id
                where s.patient_id = ? and s.started_at >= ? and s.started_at < ? and s.local_date between ? and ?
                group by s.local_date""",
                rs -> days.put(rs.getObject(1, LocalDate.class), new ProgressMath.SessionSums(rs.getInt(2),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8))),
                patientId, lower(from), upper(to), from, to);
        return days;
    }

    private Map<LocalDate, List<ItemSums>> items(UUID patientId, LocalDate from, LocalDate to) {
        Map<LocalDate, List<ItemSums>> days = new HashMap<>();
        sql.list("""
                select s.local_date, cast(i ->> 'itemId' as uuid),
                    count(*) filter (where i ->> 'status' <> 'SKIPPED'),
                    count(*) filter (where i ->> 'status' = 'SKIPPED'),
                    coalesce(sum(cast(i ->> 'sets' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
                    count(i -> 'sets') filter (where i ->> 'status' <> 'SKIPPED'),
                    coalesce(sum(cast(i ->> 'reps' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
                    count(i -> 'reps') filter (where i ->> 'status' <> 'SKIPPED'),
                    coalesce(sum(cast(i ->> 'holdSeconds' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
                    count(i -> 'holdSeconds') filter (where i ->> 'status' <> 'SKIPPED'),
                    coalesce(sum(cast(i ->> 'durationMinutes' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
                    count(i -> 'durationMinutes') filter (where i ->> 'status' <> 'SKIPPED')
                from session_log s cross join lateral jsonb_array_elements(s.items) i
                where s.patient_id = ? and s.started_at >= ? and s.started_at < ? and s.local_date between ? and ?
                group by 1, 2 order by 1, 2""",
                rs -> days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new ArrayList<>())
                        .add(new ItemSums(Sql.uuid(rs, 2), rs.getInt(3), rs.getInt(4), sum(rs, 5), sum(rs, 7),
                                sum(rs, 9), sum(rs, 11))),
                patientId, lower(from), upper(to), from, to);
        return days;
    }

    private List<ProgressMarkers.RevisionRow> revisionRows(UUID patientId, String zone) {
        return sql.list("""
                select p.id, cast(p.ended_at at time zone ? as date), r.revision, r.kind, r.effective_on,
                    case when jsonb_typeof(r.content -> 'flare') = 'object'
                         then coalesce(cast(r.content -> 'flare' ->> 'startedOn' as date), r.effective_on) end
                from plan p join plan_revision r on r.plan_id = p.id
                where p.patient_id = ?
                order by p.created_at, p.id, r.revision""",
                rs -> new ProgressMarkers.RevisionRow(Sql.uuid(rs, 1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)),
                zone, patientId);
    }

    /** Positive red-flag check-ins, visits and outcome scores in the range: one statement. */
    private List<ProgressMarkers.Event> events(UUID patientId, String zone, LocalDate from, LocalDate to) {
        return sql.list("""
                select 'RED_FLAG', cast(created_at at time zone ? as date), cast(null as uuid), cast(null as text),
                    cast(null as float8), cast(null as text)
                from red_flag_check where patient_id = ? and positive and created_at >= ? and created_at < ?
                union all
                select 'VISIT', visit_date, id, kind, null, null
                from visit where patient_id = ? and visit_date between ? and ?
                union all
                select 'OUTCOME', cast(answered_at at time zone ? as date), id, instrument_id, cast(score as float8), band
                from outcome_response where patient_id = ? and answered_at >= ? and answered_at < ?
                order by 2, 1, 3""",
                rs -> new ProgressMarkers.Event(ProgressMarkers.Kind.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), Sql.uuid(rs, 3), rs.getString(4), rs.getObject(5, Double.class),
                        rs.getString(6)),
                zone, patientId, lower(from), upper(to), patientId, from, to, zone, patientId, lower(from), upper(to));
    }

    private static Sum sum(ResultSet rs, int column) throws SQLException {
        return new Sum(rs.getLong(column), rs.getInt(column + 1));
    }

    /** Before any instant of the local date {@code from} anywhere (zones and offsets reach 18 h at most). */
    private static java.time.Instant lower(LocalDate from) {
        return from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** After any instant of the local date {@code to} anywhere. */
    private static java.time.Instant upper(LocalDate to) {
        return to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static ProgressMath.Bucket bucket(String value) {
        if (value == null) {
            return ProgressMath.Bucket.DAY;
        }
        try {
            return ProgressMath.Bucket.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("bucket", "must be DAY or WEEK");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
