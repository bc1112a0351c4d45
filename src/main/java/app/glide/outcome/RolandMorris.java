package app.glide.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Roland-Morris Disability Questionnaire, 24 items ({@code rmdq-1} to {@code rmdq-24}), each
 * {@code "yes"} (the statement applies today, 1 point) or {@code "no"} (0). The statements'
 * wording is licensed and not shipped. Every item must be answered (the paper form's unticked
 * statement is a "no"; the phone sends it as one). Score = number of yes answers, 0 to 24; no
 * bands. A change of 5 points or more is meaningful (Stratford et al. 1996: minimum detectable
 * change 4 to 5 points). Plain Java.
 */
public final class RolandMorris {

    public static final String ID = "rmdq-24";
    public static final int ITEMS = 24;
    public static final BigDecimal MEANINGFUL_CHANGE = BigDecimal.valueOf(5);

    public static final InstrumentDefinition DEFINITION = new InstrumentDefinition(ID,
            "Roland-Morris Disability Questionnaire",
            IntStream.rangeClosed(1, ITEMS).mapToObj(i -> new Item("rmdq-" + i,
                    List.of(new AnswerOption("no", 0, null), new AnswerOption("yes", 1, null)), null)).toList(),
            ITEMS, true);

    private RolandMorris() {
    }

    public static Score score(Map<String, String> answers) {
        Map<String, Integer> points = AnswerSheet.points(DEFINITION, answers);
        int yes = points.values().stream().mapToInt(Integer::intValue).sum();
        return new Score(ID, BigDecimal.valueOf(yes), null, Map.of(), points.size(), null);
    }

    public static Score score(Map<String, String> answers, Score baseline) {
        BigDecimal base = AnswerSheet.baselineValue(DEFINITION, baseline);
        Score s = score(answers);
        return s.withChange(Change.of(base, s.value(), MEANINGFUL_CHANGE, true));
    }
}
