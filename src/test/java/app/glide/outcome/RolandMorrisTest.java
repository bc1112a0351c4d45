package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Roland-Morris Disability Questionnaire (24 items) scoring, plain Java. */
class RolandMorrisTest {

    /** 24 answers, the first {@code n} yes and the rest no. */
    static String[] yes(int n) {
        String[] codes = new String[24];
        Arrays.fill(codes, "no");
        Arrays.fill(codes, 0, n, "yes");
        return codes;
    }

    static Score rmdq(int yes) {
        return RolandMorris.score(Answers.of("rmdq", yes(yes)));
    }

    @ParameterizedTest(name = "{0} yes → {0}")
    @ValueSource(ints = {0, 1, 12, 23, 24})
    void scoreIsTheNumberOfYes(int n) {
        Score s = rmdq(n);
        assertEquals(BigDecimal.valueOf(n), s.value());
        assertNull(s.band());
        assertEquals(24, s.answered());
    }

    @Test
    void theYesAnswersCountWhereverTheyAre() {
        String[] codes = yes(0);
        codes[2] = "yes";
        codes[23] = "yes";
        assertEquals(BigDecimal.valueOf(2), RolandMorris.score(Answers.of("rmdq", codes)).value());
    }

    @Test
    void publishedExampleTwelveToTwo() {
        // https://yhocphuchoi.com/rehab-scales/trunk-scores/roland-morris-eng: "at the beginning of treatment, a
        // patient's score was 12 and, at the conclusion of treatment, her score was 2 (10 points of improvement)".
        Change c = RolandMorris.score(Answers.of("rmdq", yes(2)), rmdq(12)).change();
        assertEquals(BigDecimal.valueOf(-10), c.difference());
        assertTrue(c.meaningful());
        assertEquals(Change.Direction.IMPROVED, c.direction());
    }

    @Test
    void fivePointsIsMeaningfulFourIsNot() {
        Score baseline = rmdq(12);
        Change at = RolandMorris.score(Answers.of("rmdq", yes(17)), baseline).change();
        assertEquals(BigDecimal.valueOf(5), at.difference());
        assertTrue(at.meaningful());
        assertEquals(Change.Direction.WORSENED, at.direction());
        Change below = RolandMorris.score(Answers.of("rmdq", yes(8)), baseline).change();
        assertEquals(BigDecimal.valueOf(-4), below.difference());
        assertEquals(false, below.meaningful());
    }

    @Test
    void everyItemMustBeAnswered() {
        Map<String, String> answers = Answers.of("rmdq", yes(12));
        answers.remove("rmdq-24");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> RolandMorris.score(answers));
        assertEquals(List.of("answers"), Answers.fields(r));
        assertTrue(r.errors().get(0).message().contains("1 of 24 items left out (rmdq-24)"));
        assertTrue(r.errors().get(0).message().contains("none may be left out"));
    }

    @Test
    void answersOtherThanYesOrNoAreRefused() {
        Map<String, String> answers = Answers.of("rmdq", yes(12));
        answers.put("rmdq-5", "maybe");
        answers.put("rmdq-25", "yes");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> RolandMorris.score(answers));
        assertEquals(List.of("rmdq-25", "rmdq-5"), Answers.fields(r));
        assertEquals("item rmdq-5 has no answer 'maybe'; it accepts no, yes", r.errors().get(1).message());
    }
}
