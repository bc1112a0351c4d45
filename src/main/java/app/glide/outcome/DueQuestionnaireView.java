package app.glide.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire the patient should answer, with everything the phone needs to show and score it
 * offline: the instrument's id and structure version, its items and answer codes (with our own
 * short text for PSFS and NPRS; none for the licensed ODI, RMDQ and STarT Back), how many items
 * must be answered, and since when it is due.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DueQuestionnaireView(String instrumentId, String instrumentVersion, String title, int minAnswered,
                                   LocalDate dueSince, List<ItemView> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String id, String text, List<OptionView> answerOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(String code, String text) {
    }

    static DueQuestionnaireView of(DueQuestionnaires.Due due) {
        InstrumentDefinition d = Instruments.definition(due.instrumentId());
        return new DueQuestionnaireView(d.id(), QuestionnaireScoring.STRUCTURE_VERSION, d.name(), d.minAnswered(),
                due.dueSince(), d.items().stream().map(i -> new ItemView(i.id(), i.text(),
                        i.options().stream().map(o -> new OptionView(o.code(), o.text())).toList())).toList());
    }
}
