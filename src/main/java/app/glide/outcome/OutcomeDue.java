package app.glide.outcome;

import app.glide.db.JsonColumns;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The due questionnaires of the patient's plan head: {@link #HEAD_COLUMN} is a scalar subquery the
 * plan's head statement selects (so the 304 path stays one statement), holding each schedule with
 * the time of its latest response; {@link #due} turns it into the due set for the patient's today.
 */
@ApplicationScoped
public class OutcomeDue {

    /**
     * The patient's schedules as a JSON array of
     * {@code [instrument, atEvaluation, everyDays, atDischarge, startsOn, dischargeOn, lastAnsweredAt]};
     * the plan's alias {@code pl} names the patient. The latest response is an index probe
     * (outcome_response_series) per schedule.
     */
    public static final String HEAD_COLUMN = """
            (select coalesce(json_agg(json_build_array(s.instrument_id, s.at_evaluation, s.every_days,
                        s.at_discharge, s.starts_on, s.discharge_on,
                        (select max(r.answered_at) from outcome_response r
                         where r.patient_id = s.patient_id and r.instrument_id = s.instrument_id))
                        order by s.instrument_id), '[]')::text
             from outcome_schedule s where s.patient_id = pl.patient_id)""";

    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {
    };

    @Inject
    JsonColumns json;

    /** The due set from {@link #HEAD_COLUMN}'s value, for {@code today} in {@code zone}. */
    public List<DueQuestionnaires.Due> due(String headColumn, ZoneId zone, LocalDate today) {
        if (headColumn == null) {
            return List.of();
        }
        List<DueQuestionnaires.ScheduleState> states = json.read(headColumn, ROWS).stream()
                .map(r -> new DueQuestionnaires.ScheduleState((String) r.get(0), (Boolean) r.get(1),
                        r.get(2) == null ? null : ((Number) r.get(2)).intValue(), (Boolean) r.get(3),
                        LocalDate.parse((String) r.get(4)), r.get(5) == null ? null : LocalDate.parse((String) r.get(5)),
                        r.get(6) == null ? null : OffsetDateTime.parse((String) r.get(6)).atZoneSameInstant(zone)
                                .toLocalDate()))
                .toList();
        return DueQuestionnaires.due(states, today);
    }

    /** What the phone shows for each due instrument. */
    public List<DueQuestionnaireView> views(List<DueQuestionnaires.Due> due) {
        return due.stream().map(DueQuestionnaireView::of).toList();
    }
}
