package app.glide.adherence;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.db.Sql;
import app.glide.outcome.Change;
import app.glide.outcome.Oswestry;
import app.glide.outcome.QuestionnaireScoring;
import app.glide.outcome.StartBack;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The therapist's caseload sorted by who needs attention: urgent alerts, then high, then
 * any open alert, then the lowest 7-day adherence, then the longest silence. One query over
 * the caller's patients joined to their adherence snapshot, open-alert counts and kinds, and
 * the active plan's flare-up flag (a column, not the revision content), and the latest outcome
 * scores (ODI with its change since baseline, the STarT Back risk group), and the conversation's
 * unread and oldest unanswered patient messages: its cost
 * follows the caseload size, not the number of sessions ever logged.
 */
@ApplicationScoped
public class CaseloadService {

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseloadEntry(UUID patientId, String displayName, Double adherence7d, Double adherence28d,
                                Double painAvg7d, Double painTrend, Instant lastSessionAt, int openAlerts,
                                int urgentAlerts, LocalDate asOf, Attention attention, Outcomes outcomes,
                                Messages messages) {
    }

    /**
     * The conversation at a glance: the patient's messages the calling reader has not read (after
     * their read marker; an admin has none), and when the oldest patient message the care team has
     * not answered yet (sent after the care team's last message) was sent; absent when none waits.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Messages(int unreadFromPatient, Instant oldestUnansweredAt) {
    }

    /**
     * The patient's outcome measures at a glance: the latest ODI score, its change since the ODI
     * baseline (10 points meaningful) and the latest STarT Back risk group; absent when none was answered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcomes(BigDecimal odiLatest, BigDecimal odiBaseline, BigDecimal odiChange, Boolean odiMeaningful,
                           String odiDirection, String startBackRisk) {

        static Outcomes of(BigDecimal latest, BigDecimal baseline, String risk) {
            if (latest == null && risk == null) {
                return null;
            }
            Change c = latest == null ? null : QuestionnaireScoring.change(Oswestry.ID, baseline, latest);
            return new Outcomes(latest, baseline, c == null ? null : c.difference(), c == null ? null : c.meaningful(),
                    c == null ? null : c.direction().name(), risk);
        }
    }

    /**
     * Why the patient needs attention, so the therapist needs no further call: the kinds of
     * the unresolved alerts (most severe first, then newest), whether a flare-up is active,
     * and the actions of suggestions waiting for the therapist (REGRESS first; kept in
     * {@code pending_suggestion} by the suggestion rules).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attention(List<String> alertKinds, boolean flareUp, LocalDate flareStartedOn,
                            List<String> pendingSuggestions) {
    }

    /**
     * Patients on the therapist's care teams, with their display names. The {@code limit 1}
     * keeps the planner from flattening the lookups into a hash join over every user of the
     * clinic: with it, each patient costs two primary-key probes (1,300 → 1,850 statements/s
     * in pgbench on the benchmark data).
     */
    private static final String THERAPIST_SCOPE = """
            (select m.patient_id from care_team_member m where m.therapist_id = ?) m
            cross join lateral (
                select p.id, u.display_name from patient p join app_user u on u.id = p.id
                where p.id = m.patient_id and p.clinic_id = ? and p.status = 'ACTIVE' limit 1) p""";
    /** For an admin, the whole clinic. */
    private static final String ADMIN_SCOPE = """
            (select p.id, u.display_name from patient p join app_user u on u.id = p.id
             where p.clinic_id = ? and p.status = 'ACTIVE') p""";

    /**
     * The latest ODI score and the baseline (first by answered time) it is compared with, and the
     * latest STarT Back risk group: index probes (outcome_response_series) in the same statement.
     */
    private static final String OUTCOMES = """
            select (select r.score from outcome_response r where r.patient_id = p.id and r.instrument_id = '%1$s'
                    and r.instrument_version = '%3$s' order by r.answered_at desc, r.received_at desc, r.id desc limit 1)
                       as odi_latest,
                   (select r.score from outcome_response r where r.patient_id = p.id and r.instrument_id = '%1$s'
                    and r.instrument_version = '%3$s' order by r.answered_at, r.received_at, r.id limit 1) as odi_baseline,
                   (select r.band from outcome_response r where r.patient_id = p.id and r.instrument_id = '%2$s'
                    order by r.answered_at desc, r.received_at desc, r.id desc limit 1) as risk""".formatted(
            Oswestry.ID, StartBack.ID, QuestionnaireScoring.STRUCTURE_VERSION);

    /**
     * The conversation (message/, table message): the patient's messages after the caller's read
     * marker, and the oldest patient message after the care team's last one. Index probes
     * (message_kind) in the same statement; plain SQL so adherence/ does not depend on message/.
     */
    private static final String MESSAGES = """
            select (select count(*) from message m where m.patient_id = p.id and m.kind = 'PATIENT'
                    and m.created_at > coalesce((select r.read_up_to from message_read r
                                                 where r.patient_id = p.id and r.reader_id = ?), '-infinity'))::int
                       as unread_from_patient,
                   (select min(m.created_at) from message m where m.patient_id = p.id and m.kind = 'PATIENT'
                    and m.created_at > coalesce((select max(t.created_at) from message t
                                                 where t.patient_id = p.id and t.kind = 'THERAPIST'), '-infinity'))
                       as oldest_unanswered_at""";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CaseloadEntry> attention(String cursor, int limit) {
        Optional<CaseloadKey> after = PageCursor.decode(cursor).map(CaseloadKey::of);
        boolean therapist = caller.is(Role.THERAPIST);
        String query = """
                select * from (
                    select p.id as patient_id, p.display_name, a.adherence_7d, a.adherence_28d, a.pain_avg_7d,
                           a.pain_baseline, a.last_session_at, a.computed_on, al.open, al.urgent, al.high, al.kinds,
                           pl.flare_started_on, ps.actions, oc.odi_latest, oc.odi_baseline, oc.risk,
                           msg.unread_from_patient, msg.oldest_unanswered_at
                    from %s
                    left join lateral (select * from patient_adherence where patient_id = p.id) a on true
                    cross join lateral (
                        select count(*)::int as open,
                               count(*) filter (where severity = 'URGENT')::int as urgent,
                               count(*) filter (where severity = 'HIGH')::int as high,
                               array_agg(kind order by case severity when 'URGENT' then 0 when 'HIGH' then 1 else 2 end,
                                         created_at desc) as kinds
                        from alert where patient_id = p.id and status <> 'RESOLVED') al
                    left join lateral (
                        select flare_started_on from plan where patient_id = p.id and status = 'ACTIVE' limit 1) pl on true
                    left join pending_suggestion ps on ps.patient_id = p.id
                    cross join lateral (%s) oc
                    cross join lateral (%s) msg) c
                %s
                order by %s
                limit ?""".formatted(therapist ? THERAPIST_SCOPE : ADMIN_SCOPE, OUTCOMES, MESSAGES,
                after.isPresent() ? "where " + CaseloadKey.AFTER : "", CaseloadKey.ORDER);
        List<Object> params = new ArrayList<>(therapist ? List.of(caller.userId(), caller.clinicId()) : List.of(caller.clinicId()));
        params.add(caller.userId()); // whose read marker the unread count is against
        after.ifPresent(k -> params.addAll(List.of(k.params())));
        params.add(limit + 1);
        List<Row> rows = sql.list(query, CaseloadService::row, params.toArray());
        return Page.of(rows, limit, Row::entry, r -> r.key().cursor());
    }

    /** A caseload row and where it sits in the order. */
    private record Row(CaseloadEntry entry, CaseloadKey key) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        CaseloadEntry e = entry(rs);
        return new Row(e, new CaseloadKey(e.urgentAlerts(), rs.getInt(11), e.openAlerts(), rs.getBigDecimal(3),
                e.lastSessionAt(), e.patientId()));
    }

    private static CaseloadEntry entry(ResultSet rs) throws SQLException {
        Double pain = dbl(rs, 5);
        Double baseline = dbl(rs, 6);
        Array kinds = rs.getArray(12);
        LocalDate flare = rs.getObject(13, LocalDate.class);
        String pending = rs.getString(14);
        return new CaseloadEntry(Sql.uuid(rs, 1), rs.getString(2), dbl(rs, 3), dbl(rs, 4), pain,
                pain == null || baseline == null ? null : Math.round((pain - baseline) * 100) / 100.0,
                Sql.instant(rs, 7), rs.getInt(9), rs.getInt(10), rs.getObject(8, LocalDate.class),
                new Attention(kinds == null ? List.of() : List.of((String[]) kinds.getArray()), flare != null, flare,
                        pending == null ? List.of() : List.of(pending.split(","))),
                Outcomes.of(rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getString(17)),
                new Messages(rs.getInt(18), Sql.instant(rs, 19)));
    }

    private static Double dbl(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
