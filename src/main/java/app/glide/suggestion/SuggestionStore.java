package app.glide.suggestion;

import app.glide.alert.AlertKind;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.suggestion.SuggestionEvidence.LoggedSession;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The suggestions' own SQL: what the rules read (recent sessions with their next-morning
 * checks, open signal alerts and the baseline), the therapist's decisions
 * ({@code suggestion_outcome}) and what the caseload shows as pending ({@code pending_suggestion}).
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class SuggestionStore {

    /** Sessions looked at per patient (enough for the rules; never the whole history). */
    static final int RECENT_SESSIONS = 40;
    private static final TypeReference<List<ItemResult>> ITEMS = new TypeReference<>() {
    };

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    @Inject
    Clock clock;

    /**
     * Kinds of the patient's unresolved alerts that block progression, and the patient's own
     * baseline: mean peak pain over their first 7 days with sessions (null before any).
     */
    public record Signals(Set<String> open, Double baselinePeak) {

        /** {@code sorenessWindowOpen}: the expected-soreness window open now, described; null when none is. */
        SuggestionRules.Context context(boolean flareActive, String sorenessWindowOpen) {
            return new SuggestionRules.Context(open.contains(AlertKind.RED_FLAG.name()), flareActive,
                    open.contains(AlertKind.PAIN_RISING.name()), open.contains(AlertKind.PERIPHERALISATION.name()),
                    baselinePeak, sorenessWindowOpen);
        }
    }

    /** The patient's newest sessions, newest first, each with its next-morning check if answered. */
    List<LoggedSession> recentSessions(UUID patientId) {
        return sql.list("""
                select s.id, s.plan_id, s.plan_revision, s.started_at, s.local_date, s.pain_before, s.pain_peak,
                       s.difficulty, s.symptom_change, cast(s.items as text), m.answer, m.pain
                from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
                where s.patient_id = ? order by s.started_at desc limit ?""",
                rs -> new LoggedSession(Sql.uuid(rs, 1), Sql.uuid(rs, 2), rs.getInt(3), Sql.instant(rs, 4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        lazily(rs.getString(10)), rs.getString(11), rs.getObject(12, Integer.class)),
                patientId, RECENT_SESSIONS);
    }

    /** Parses once, when first asked. */
    private Supplier<List<ItemResult>> lazily(String itemsJson) {
        return new Supplier<>() {
            private List<ItemResult> parsed;

            @Override
            public List<ItemResult> get() {
                if (parsed == null) {
                    parsed = json.read(itemsJson, ITEMS);
                }
                return parsed;
            }
        };
    }

    /** One statement. */
    Signals signals(UUID patientId) {
        return sql.first("""
                select (select string_agg(kind, ',') from alert where patient_id = ? and status <> 'RESOLVED'
                            and kind in ('RED_FLAG', 'PAIN_RISING', 'PERIPHERALISATION')),
                       (select cast(avg(s.pain_peak) as float8) from session_log s where s.patient_id = ?
                            and s.local_date < (select min(local_date) + 7 from session_log where patient_id = ?))""",
                rs -> new Signals(rs.getString(1) == null ? Set.of() : Set.of(rs.getString(1).split(",")),
                        rs.getObject(2, Double.class)), patientId, patientId, patientId).orElseThrow();
    }

    /** {@link ItemSuggestion#decidedKey()} of every suggestion accepted, declined or applied on the plan. */
    Set<String> decidedKeys(UUID planId) {
        return Set.copyOf(sql.list("select cast(item_id as text), basis from suggestion_outcome where plan_id = ?",
                rs -> ItemSuggestion.decidedKey(rs.getString(1), rs.getString(2)), planId));
    }

    /** A suggestion's outcome (ACCEPTED, DECLINED, AUTO_APPLIED); {@code by} is null for the rule. */
    void recordOutcome(UUID planId, ItemSuggestion c, String outcome, UUID by, String reason) {
        sql.update("""
                insert into suggestion_outcome (plan_id, item_id, basis, outcome, action, rule, decided_by, decided_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                planId, c.item().id(), c.basis(), outcome, c.decision().action().name(), c.decision().rule(), by,
                clock.instant(), reason);
    }

    /** Nothing pending for the patient. */
    void clearPending(UUID patientId) {
        sql.update("delete from pending_suggestion where patient_id = ?", patientId);
    }

    /** {@code actions}: comma-separated, as the caseload reads them. */
    void savePending(UUID patientId, UUID planId, String actions) {
        sql.update("""
                insert into pending_suggestion (patient_id, plan_id, actions, updated_at) values (?, ?, ?, ?)
                on conflict (patient_id) do update set plan_id = excluded.plan_id, actions = excluded.actions,
                    updated_at = excluded.updated_at""",
                patientId, planId, actions, clock.instant());
    }
}
