package app.glide.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An instrument's structure for reading: items, answer codes with their scores, scoring facts, and
 * the texts of one wording when there is one (the clinic's licensed wording, or ours for PSFS and
 * NPRS); {@code language} says which, absent when no text is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentView(String id, String version, String name, int minAnswered, boolean lowerIsBetter,
                             BigDecimal meaningfulChange, boolean licensedWording, String language,
                             List<ItemView> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String id, String text, List<OptionView> answerOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(String code, int score, String text) {
    }

    private static final String PSFS_DE = "Nennen Sie eine Tätigkeit, die Ihnen wegen Rücken oder Bein schwerfällt,"
            + " und bewerten Sie, wie gut Sie sie heute können: 0 = gar nicht, 10 = so gut wie vor dem Problem";

    /** Our own German texts for the instruments we word ourselves (English is in the structure). */
    static final Map<String, Wording> OWN_GERMAN = Map.of(
            Nprs.ID, new Wording("de", Map.of("nprs-1", "Ihre Rücken- und Beinschmerzen jetzt, von 0 (keine"
                    + " Schmerzen) bis 10 (die schlimmsten vorstellbaren Schmerzen)"), Map.of()),
            Psfs.ID, new Wording("de", Map.of(
                    "activity-1", PSFS_DE, "activity-2", PSFS_DE, "activity-3", PSFS_DE,
                    "activity-4", PSFS_DE, "activity-5", PSFS_DE), Map.of()));

    /** The view of {@code d} with {@code wording}'s texts, or the structure's own (English) texts when null. */
    static InstrumentView of(InstrumentDefinition d, Wording wording) {
        boolean licensed = d.items().stream().allMatch(i -> i.text() == null);
        String language = wording != null ? wording.language() : licensed ? null : "en";
        List<ItemView> items = d.items().stream().map(i -> new ItemView(i.id(),
                wording == null ? i.text() : wording.itemTexts().getOrDefault(i.id(), i.text()),
                i.options().stream().map(o -> new OptionView(o.code(), o.score(), wording == null ? o.text()
                        : wording.optionTexts().getOrDefault(i.id(), Map.of()).getOrDefault(o.code(), o.text())))
                        .toList())).toList();
        return new InstrumentView(d.id(), QuestionnaireScoring.STRUCTURE_VERSION, d.name(), d.minAnswered(),
                d.lowerIsBetter(), QuestionnaireScoring.meaningfulChange(d.id()), licensed, language, items);
    }
}
