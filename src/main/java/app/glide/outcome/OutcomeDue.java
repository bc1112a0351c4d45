package app.glide.outcome;

import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The due questionnaires of the patient's plan head: {@link #HEAD_COLUMN} is a scalar subquery the
 * plan's head statement selects (so the 304 path stays one statement), holding each schedule with
 * the time of its latest response and when the clinic loaded each language of its wording;
 * {@link #due} turns it into the due set for the patient's today and language, and {@link #views}
 * into what the phone shows (one more statement, only when a due instrument has a clinic wording).
 */
@ApplicationScoped
public class OutcomeDue {

    /**
     * The patient's schedules as a JSON array of {@code [instrument, atEvaluation, everyDays,
     * atDischarge, startsOn, dischargeOn, lastAnsweredAt, {language: loadedAt}]}; the plan's alias
     * {@code pl} names the patient. The latest response is an index probe (outcome_response_series)
     * per schedule, the wordings a primary-key range.
     */
    public static final String HEAD_COLUMN = """
            (select coalesce(json_agg(json_build_array(s.instrument_id, s.at_evaluation, s.every_days,
                        s.at_discharge, s.starts_on, s.discharge_on,
                        (select max(r.answered_at) from outcome_response r
                         where r.patient_id = s.patient_id and r.instrument_id = s.instrument_id
                           and isfinite(r.answered_at)),
                        (select json_object_agg(w.language, w.loaded_at) from outcome_wording w
                         where w.clinic_id = s.clinic_id and w.instrument_id = s.instrument_id
                           and w.instrument_version = '%s'))
                        order by s.instrument_id), '[]')::text
             from outcome_schedule s where s.patient_id = pl.patient_id)
            """.formatted(
            QuestionnaireScoring.STRUCTURE_VERSION);

    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {
    };

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * The due set from {@link #HEAD_COLUMN}'s value, for {@code today} in {@code zone}, each with
     * the wording the caller's {@code language} gets (see {@link OutcomeWordings#candidates}).
     */
    public List<DueQuestionnaires.Due> due(String headColumn, ZoneId zone, LocalDate today, String language) {
        return dueIn(headColumn, zone, today, OutcomeWordings.candidates(language));
    }

    /**
     * The same with the languages to try for the wording, most preferred first, lower case (the
     * plan's language order: Accept-Language, the patient's locale, the clinic default, English).
     */
    public List<DueQuestionnaires.Due> dueIn(String headColumn, ZoneId zone, LocalDate today, List<String> candidates) {
        if (headColumn == null) {
            return List.of();
        }
        List<List<Object>> rows = json.read(headColumn, ROWS);
        Map<String, Map<?, ?>> wordings = new HashMap<>();
        List<DueQuestionnaires.ScheduleState> states = rows.stream().map(r -> {
            if (r.get(7) instanceof Map<?, ?> loaded) {
                wordings.put((String) r.get(0), loaded);
            }
            return new DueQuestionnaires.ScheduleState((String) r.get(0), (Boolean) r.get(1),
                    r.get(2) == null ? null : ((Number) r.get(2)).intValue(), (Boolean) r.get(3),
                    LocalDate.parse((String) r.get(4)), r.get(5) == null ? null : LocalDate.parse((String) r.get(5)),
                    answeredOn(r.get(6), zone));
        }).toList();
        return DueQuestionnaires.due(states, today).stream()
                .map(d -> new DueQuestionnaires.Due(d.instrumentId(), d.dueSince(),
                        wording(d.instrumentId(), candidates, wordings.getOrDefault(d.instrumentId(), Map.of()))))
                .toList();
    }

    /**
     * The day of the latest answer, or null (as if never answered) for a stored time the column
     * cannot express as an ISO date-time (a year BC): a stored value never makes a read fail.
     */
    static LocalDate answeredOn(Object stored, ZoneId zone) {
        if (!(stored instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The caller's due questionnaires as the phone shows them, with or without a plan: the same
     * {@link #HEAD_COLUMN} and {@link #due} as the plan head, over the patient row. Two statements
     * at most (the second only for a clinic wording).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DueQuestionnaireView> mine(String language) {
        UUID me = caller.userId();
        Instant now = clock.instant();
        record Head(UUID clinicId, List<DueQuestionnaires.Due> due) {
        }
        Head head = sql.first("""
                select pl.clinic_id, pl.time_zone,
                       """ + HEAD_COLUMN + """
                from (select id as patient_id, clinic_id, time_zone from patient where id = ?) pl""",
                rs -> {
                    ZoneId zone = ZoneId.of(rs.getString(2));
                    return new Head(Sql.uuid(rs, 1), due(rs.getString(3), zone, LocalDate.ofInstant(now, zone),
                            language));
                }, me).orElseThrow(() -> new IllegalStateException("no patient row for an authenticated patient"));
        return views(head.clinicId(), head.due());
    }

    /** What the phone shows for each due instrument, in the wording {@link #due} chose. */
    public List<DueQuestionnaireView> views(UUID clinicId, List<DueQuestionnaires.Due> due) {
        List<String> loaded = due.stream().filter(d -> d.wording() != null && !d.wording().endsWith("@ours"))
                .map(d -> d.instrumentId() + "@" + d.wordingLanguage()).toList();
        Map<String, JsonNode> questionnaires = new HashMap<>();
        if (!loaded.isEmpty()) {
            sql.list("""
                    select instrument_id || '@' || language, questionnaire::text from outcome_wording
                    where clinic_id = ? and instrument_version = ? and instrument_id || '@' || language = any(?)""",
                    rs -> questionnaires.put(rs.getString(1), read(rs.getString(2))), clinicId,
                    QuestionnaireScoring.STRUCTURE_VERSION, loaded.toArray(new String[0]));
        }
        return due.stream().map(d -> {
            String lang = d.wordingLanguage();
            Wording w = lang == null ? null : d.wording().endsWith("@ours") ? InstrumentView.OWN_GERMAN.get(d.instrumentId())
                    : questionnaires.containsKey(d.instrumentId() + "@" + lang)
                    ? Wording.read(lang, questionnaires.get(d.instrumentId() + "@" + lang)) : null;
            return DueQuestionnaireView.of(d, w);
        }).toList();
    }

    /** {@code "<language>@<loaded at>"} of the clinic's wording tried first, ours in German, or null. */
    private static String wording(String instrumentId, List<String> candidates, Map<?, ?> loaded) {
        OutcomeWordings.Choice c = OutcomeWordings.choose(instrumentId, candidates, loaded.keySet());
        return c == null ? null : c.ours() ? c.language() + "@ours" : c.language() + "@" + loaded.get(c.language());
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
