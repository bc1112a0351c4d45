package app.glide.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire the patient should answer, with everything the phone needs to show and score it
 * offline: the instrument's id and structure version, its items and answer codes (with our own
 * short text for PSFS and NPRS, or the clinic's wording in the patient's language when it loaded
 * one; none for the licensed ODI, RMDQ and STarT Back otherwise), the language of the texts, how
 * many items must be answered, and since when it is due.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DueQuestionnaireView(String instrumentId, String instrumentVersion, String title, int minAnswered,
                                   String language, LocalDate dueSince, List<ItemView> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String id, String text, List<OptionView> answerOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(String code, String text) {
    }

    /** The view with {@code wording}'s texts, or the structure's own (English, PSFS and NPRS only) when null. */
    static DueQuestionnaireView of(DueQuestionnaires.Due due, Wording wording) {
        InstrumentView v = InstrumentView.of(Instruments.definition(due.instrumentId()), wording);
        return new DueQuestionnaireView(v.id(), v.version(), v.name(), v.minAnswered(), v.language(), due.dueSince(),
                v.items().stream().map(i -> new ItemView(i.id(), i.text(), i.answerOptions().stream()
                        .map(o -> new OptionView(o.code(), o.text())).toList())).toList());
    }
}
