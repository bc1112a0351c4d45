package app.glide.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Oswestry Disability Index 2.1a: ten sections ({@code odi-1} pain intensity, personal care,
 * lifting, walking, sitting, standing, sleeping, sex life, social life, {@code odi-10} travelling),
 * each answered with one of six statements scored 0 (code {@code "0"}) to 5 ({@code "5"}). The
 * statements' wording is licensed and not shipped.
 *
 * <p>Score = sum ÷ (5 × sections answered) × 100, one decimal, half up. At most two sections may be
 * left out (each drops 5 from the denominator); with three or more the response is refused. Bands
 * (Fairbank &amp; Pynsent 2000, in neutral words): ≤ 20 minimal, ≤ 40 moderate, ≤ 60 severe,
 * ≤ 80 very severe (published "crippled"), above 80 extreme (published "bed-bound"). A change
 * either way is meaningful at 10 points or more, or at 30 % of the baseline score or more (baseline
 * above 0): Ostelo et al., Spine 2008;33(1):90-94, "about 10 points or 30 %". Plain Java.
 */
public final class Oswestry {

    public static final String ID = "odi-2.1a";
    public static final int SECTIONS = 10;
    public static final int MAX_LEFT_OUT = 2;
    public static final BigDecimal MEANINGFUL_CHANGE = BigDecimal.TEN;
    /** The relative rule: 30 % of the baseline score (Ostelo et al. 2008). */
    public static final BigDecimal MEANINGFUL_SHARE = new BigDecimal("0.30");

    public static final InstrumentDefinition DEFINITION = new InstrumentDefinition(ID, "Oswestry Disability Index",
            IntStream.rangeClosed(1, SECTIONS).mapToObj(i -> new Item("odi-" + i, Item.numbered(5), null)).toList(),
            SECTIONS - MAX_LEFT_OUT, true);

    public enum Band { MINIMAL, MODERATE, SEVERE, VERY_SEVERE, EXTREME }

    private static final List<Band> BANDS = List.of(Band.values());

    private Oswestry() {
    }

    public static Score score(Map<String, String> answers) {
        Map<String, Integer> points = AnswerSheet.points(DEFINITION, answers);
        int sum = points.values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal percent = BigDecimal.valueOf(sum * 100L)
                .divide(BigDecimal.valueOf(5L * points.size()), 1, RoundingMode.HALF_UP);
        return new Score(ID, percent, band(percent).name(), Map.of(), points.size(), null);
    }

    public static Score score(Map<String, String> answers, Score baseline) {
        BigDecimal base = AnswerSheet.baselineValue(DEFINITION, baseline);
        Score s = score(answers);
        return s.withChange(change(base, s.value()));
    }

    /** 10 points, or 30 % of a baseline above 0, either way. */
    public static Change change(BigDecimal baseline, BigDecimal current) {
        return Change.of(baseline, current, MEANINGFUL_CHANGE, MEANINGFUL_SHARE, true);
    }

    /** The band of a percentage: upper bounds 20, 40, 60, 80 belong to the lower band. */
    public static Band band(BigDecimal percent) {
        int i = 0;
        while (i < BANDS.size() - 1 && percent.compareTo(BigDecimal.valueOf(20L * (i + 1))) > 0) {
            i++;
        }
        return BANDS.get(i);
    }
}
