package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oswestry Disability Index 2.1a scoring, plain Java. */
class OswestryTest {

    /** Sections adding up to 16 of 50. */
    static final int[] SIXTEEN = {2, 2, 2, 2, 2, 2, 1, 1, 1, 1};

    static Map<String, String> odi(int... points) {
        return Answers.numbers("odi", points);
    }

    /** Ten sections whose sum is {@code sum}: fives first, then the rest. */
    static Map<String, String> summing(int sum) {
        int[] points = new int[10];
        for (int i = 0; i < 10; i++) {
            points[i] = Math.min(5, Math.max(0, sum - 5 * i));
        }
        return odi(points);
    }

    @Test
    void publishedExampleAllTenSections() {
        // ODI scoring note (rehab.msu.edu ODI form, copy at
        // https://online.documentine.com/is-a-3-0-good-in-college/1/oswestry-low-back-disability-questionnaire-rehab-msu-edu.html):
        // "16 (total scored) / 50 (total possible score) x 100 = 32%"
        Score s = Oswestry.score(odi(SIXTEEN));
        assertEquals(new BigDecimal("32.0"), s.value());
        assertEquals("MODERATE", s.band());
        assertEquals(10, s.answered());
        assertNull(s.change());
    }

    @Test
    void publishedExampleOneSectionLeftOut() {
        // Same note (also https://www.idcafe.net/how-is-the-oswestry-disability-scale-scored/): "If one section is
        // missed or not applicable: 16 (total scored) / 45 (total possible score) x 100 = 35.5%". The exact value is
        // 35.555...; the form truncates, we round half up to one decimal: 35.6.
        Score s = Oswestry.score(odi(2, 2, 2, 2, 2, 2, 1, 1, 2, -1));
        assertEquals(new BigDecimal("35.6"), s.value());
        assertEquals(9, s.answered());
        assertEquals("MODERATE", s.band());
    }

    @Test
    void twoSectionsLeftOutStillScore() {
        Score s = Oswestry.score(odi(-1, 2, 2, 2, 2, 2, 2, 2, 2, -1));
        assertEquals(new BigDecimal("40.0"), s.value(), "16 of 40");
        assertEquals(8, s.answered());
    }

    @Test
    void threeSectionsLeftOutAreRefusedNamingThem() {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class,
                () -> Oswestry.score(odi(-1, 2, 2, -1, 2, 2, 2, 2, 2, -1)));
        assertEquals(List.of("answers"), Answers.fields(r));
        String message = r.errors().get(0).message();
        assertTrue(message.contains("3 of 10 items left out (odi-1, odi-4, odi-10)"), message);
        assertTrue(message.contains("at most 2 left out"), message);
        assertEquals(Oswestry.ID, r.instrumentId());
    }

    @ParameterizedTest(name = "sum {0} of 50 = {1} % → {2}")
    @CsvSource({
            "0, 0.0, MINIMAL",
            "10, 20.0, MINIMAL",      // 20 is the top of minimal
            "11, 22.0, MODERATE",
            "20, 40.0, MODERATE",
            "21, 42.0, SEVERE",
            "30, 60.0, SEVERE",
            "31, 62.0, VERY_SEVERE",
            "40, 80.0, VERY_SEVERE",
            "41, 82.0, EXTREME",
            "50, 100.0, EXTREME"
    })
    void bandBoundaries(int sum, String percent, String band) {
        Score s = Oswestry.score(summing(sum));
        assertEquals(new BigDecimal(percent), s.value());
        assertEquals(band, s.band());
    }

    @Test
    void bandBoundaryWithNineSections() {
        assertEquals("MINIMAL", Oswestry.score(odi(5, 4, 0, 0, 0, 0, 0, 0, 0, -1)).band(), "9 of 45 = 20.0");
        Score above = Oswestry.score(odi(5, 5, 0, 0, 0, 0, 0, 0, 0, -1));
        assertEquals(new BigDecimal("22.2"), above.value());
        assertEquals("MODERATE", above.band());
    }

    /**
     * Meaningful change: 10 points or 30 % of the baseline, whichever is reached (Ostelo et al.,
     * "Interpreting change scores for pain and functional status in low back pain", Spine
     * 2008;33(1):90-94: "about 10 points or 30 %" for the ODI). Rule: which one matched (POINTS when both).
     */
    @ParameterizedTest(name = "{0} -> {1}: meaningful {2} by {3}")
    @CsvSource({
            "20.0, 12.0, true, PERCENT",   // -8 points, -40 %: the relative rule
            "40.0, 32.0, false, ",         // -8 points, -20 %: neither
            "40.0, 30.0, true, POINTS",    // -10 points, -25 %
            "50.0, 35.0, true, POINTS",    // -15 points, -30 %: both, points named
            "10.0, 13.0, true, PERCENT",   // +3 points, +30 %: worse, meaningful by share
            "10.0, 12.9, false, ",         // +2.9 points, 29 %
            "0.0, 9.9, false, ",           // a baseline of 0 has no relative rule
            "0.0, 10.0, true, POINTS",
            "32.0, 32.0, false, "          // no change is never meaningful
    })
    void meaningfulAtTenPointsOrThirtyPercent(String baseline, String current, boolean meaningful, String rule) {
        Change c = Oswestry.change(new BigDecimal(baseline), new BigDecimal(current));
        assertEquals(meaningful, c.meaningful());
        assertEquals(rule == null ? null : Change.Rule.valueOf(rule), c.meaningfulBy());
        assertEquals(Oswestry.MEANINGFUL_CHANGE, c.threshold(), "the points threshold stays 10");
        assertEquals(c, QuestionnaireScoring.change(Oswestry.ID, new BigDecimal(baseline), new BigDecimal(current)));
    }

    @Test
    void changeOfTenPointsIsMeaningfulNineIsNot() {
        Score baseline = Oswestry.score(odi(SIXTEEN));
        Change at = Oswestry.score(summing(11), baseline).change();
        assertEquals(new BigDecimal("-10.0"), at.difference());
        assertTrue(at.meaningful());
        assertEquals(Change.Direction.IMPROVED, at.direction());

        Change below = Oswestry.score(odi(5, 5, 0, 0, 0, 0, 0, 0, 0, -1), baseline).change();
        assertEquals(new BigDecimal("-9.8"), below.difference(), "22.2 against 32.0");
        assertEquals(true, below.meaningful(), "under 10 points, but 30.6 % of 32.0");
        assertEquals(Change.Rule.PERCENT, below.meaningfulBy());
        assertEquals(Change.Rule.POINTS, at.meaningfulBy());

        Change worse = Oswestry.score(summing(21), baseline).change();
        assertEquals(new BigDecimal("10.0"), worse.difference());
        assertTrue(worse.meaningful());
        assertEquals(Change.Direction.WORSENED, worse.direction());

        Change same = Oswestry.score(odi(SIXTEEN), baseline).change();
        assertEquals(Change.Direction.UNCHANGED, same.direction());
        assertEquals(false, same.meaningful());
    }

    @Test
    void answersOutsideZeroToFiveAreRefusedPerSection() {
        Map<String, String> answers = odi(SIXTEEN);
        answers.put("odi-3", "6");
        answers.put("odi-7", "-1");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Oswestry.score(answers));
        assertEquals(List.of("odi-3", "odi-7"), Answers.fields(r));
        assertEquals("item odi-3 has no answer '6'; it accepts 0, 1, 2, 3, 4, 5", r.errors().get(0).message());
    }

    @Test
    void anItemOfNoSectionIsRefused() {
        Map<String, String> answers = odi(SIXTEEN);
        answers.put("odi-11", "2");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Oswestry.score(answers));
        assertEquals(List.of("odi-11"), Answers.fields(r));
        assertTrue(r.errors().get(0).message().contains("not part of odi-2.1a (its items are odi-1 to odi-10)"));
    }

    @Test
    void noAnswersAtAllAreRefused() {
        assertEquals(List.of("answers"), Answers.fields(assertThrows(OutcomeRefusal.class, () -> Oswestry.score(null))));
        assertEquals(List.of("answers"), Answers.fields(assertThrows(OutcomeRefusal.class,
                () -> Oswestry.score(Map.of()))));
    }

    @Test
    void aBaselineOfAnotherInstrumentIsRefused() {
        Score rmdq = RolandMorris.score(Answers.of("rmdq", RolandMorrisTest.yes(12)));
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Oswestry.score(odi(SIXTEEN), rmdq));
        assertEquals(List.of("baseline"), Answers.fields(r));
        assertTrue(r.getMessage().contains("scored on rmdq-24, not odi-2.1a"), r.getMessage());
    }
}
