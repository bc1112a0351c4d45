package app.glide.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Numeric Pain Rating Scale: one item {@code nprs-1}, answered {@code "0"} (no pain) to
 * {@code "10"} (the worst pain imaginable), in our own words. Score = the answer; no bands. A change
 * of 2 points or more is meaningful (Childs et al., Spine 2005;30(11):1331-4). Plain Java.
 */
public final class Nprs {

    public static final String ID = "nprs";
    public static final BigDecimal MEANINGFUL_CHANGE = BigDecimal.valueOf(2);

    public static final InstrumentDefinition DEFINITION = new InstrumentDefinition(ID, "Numeric Pain Rating Scale",
            List.of(new Item("nprs-1", Item.numbered(10),
                    "Your back and leg pain right now, from 0 (no pain) to 10 (the worst pain you can imagine)")),
            1, true);

    private Nprs() {
    }

    public static Score score(Map<String, String> answers) {
        Map<String, Integer> points = AnswerSheet.points(DEFINITION, answers);
        return new Score(ID, BigDecimal.valueOf(points.get("nprs-1")), null, Map.of(), 1, null);
    }

    public static Score score(Map<String, String> answers, Score baseline) {
        BigDecimal base = AnswerSheet.baselineValue(DEFINITION, baseline);
        Score s = score(answers);
        return s.withChange(Change.of(base, s.value(), MEANINGFUL_CHANGE, true));
    }
}
