package app.glide.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Keele STarT Back Screening Tool, 9-item version. Items {@code startback-1} to {@code startback-8}
 * are {@code "disagree"} (0) or {@code "agree"} (1); item {@code startback-9} (how bothersome the
 * pain has been) has five answers, {@code "not-at-all"}, {@code "slightly"}, {@code "moderately"}
 * (0 each), {@code "very-much"} and {@code "extremely"} (1 each). The items' wording is licensed
 * and not shipped. Every item must be answered.
 *
 * <p>Total = all nine (0-9); psychosocial subscore = items 5 to 9 (0-5). Risk group (Keele
 * University, "Using and scoring the Keele STarT Back Screening Tool"): total ≤ 3 low; total ≥ 4
 * and subscore ≤ 3 medium; subscore ≥ 4 high (a subscore of 4 implies a total of at least 4).
 * The tool publishes no meaningful change: a change carries the difference in total with
 * {@code meaningful = null}; compare the risk groups. Plain Java.
 */
public final class StartBack {

    public static final String ID = "startback-9";
    public static final String PSYCHOSOCIAL = "psychosocial";

    public enum Risk { LOW, MEDIUM, HIGH }

    static final List<AnswerOption> AGREEMENT = List.of(new AnswerOption("disagree", 0, null),
            new AnswerOption("agree", 1, null));

    static final List<AnswerOption> BOTHERSOMENESS = List.of(new AnswerOption("not-at-all", 0, null),
            new AnswerOption("slightly", 0, null), new AnswerOption("moderately", 0, null),
            new AnswerOption("very-much", 1, null), new AnswerOption("extremely", 1, null));

    public static final InstrumentDefinition DEFINITION = new InstrumentDefinition(ID,
            "Keele STarT Back Screening Tool",
            Stream.concat(IntStream.rangeClosed(1, 8).mapToObj(i -> new Item("startback-" + i, AGREEMENT, null)),
                    Stream.of(new Item("startback-9", BOTHERSOMENESS, null))).toList(),
            9, true);

    private StartBack() {
    }

    public static Score score(Map<String, String> answers) {
        Map<String, Integer> points = AnswerSheet.points(DEFINITION, answers);
        int total = points.values().stream().mapToInt(Integer::intValue).sum();
        int psychosocial = IntStream.rangeClosed(5, 9).map(i -> points.get("startback-" + i)).sum();
        return new Score(ID, BigDecimal.valueOf(total), risk(total, psychosocial).name(),
                Map.of(PSYCHOSOCIAL, BigDecimal.valueOf(psychosocial)), points.size(), null);
    }

    public static Score score(Map<String, String> answers, Score baseline) {
        BigDecimal base = AnswerSheet.baselineValue(DEFINITION, baseline);
        Score s = score(answers);
        return s.withChange(Change.of(base, s.value(), null, true));
    }

    public static Risk risk(int total, int psychosocial) {
        if (total <= 3) {
            return Risk.LOW;
        }
        return psychosocial >= 4 ? Risk.HIGH : Risk.MEDIUM;
    }
}
