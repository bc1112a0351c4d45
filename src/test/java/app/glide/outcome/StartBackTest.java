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

/**
 * Keele STarT Back (9 items) scoring, plain Java. The rules and the examples below follow Keele
 * University's "Using and scoring the Keele STarT Back Screening Tool"
 * (https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/) and its online calculator
 * (https://startback.hfac.keele.ac.uk/training/resources/startback-online/): "3 or less: low risk;
 * 4 or more AND subscore of 3 or less: medium; 4 or more AND subscore of 4 or more: high";
 * bothersomeness counts for "very much" or "extremely".
 */
class StartBackTest {

    /** Items 1-8 from a string of A (agree) / D (disagree), item 9 as given. */
    static Map<String, String> answers(String agreement, String bothersome) {
        String[] codes = new String[9];
        for (int i = 0; i < 8; i++) {
            codes[i] = agreement.charAt(i) == 'A' ? "agree" : "disagree";
        }
        codes[8] = bothersome;
        return Answers.of("startback", codes);
    }

    @ParameterizedTest(name = "{0} + {1} → total {2}, psychosocial {3}, {4}")
    @CsvSource({
            "DDDDDDDD, not-at-all, 0, 0, LOW",     // the online calculator's all-disagree result: score 0, subscore 0, low
            "AAADDDDD, moderately, 3, 0, LOW",      // total 3: the top of low
            "DDDDAAAD, slightly, 3, 3, LOW",        // total 3 is low whatever the subscore
            "AAAADDDD, not-at-all, 4, 0, MEDIUM",   // total 4, subscore 0
            "ADDDAAAD, moderately, 4, 3, MEDIUM",   // total 4, subscore 3: the top of medium
            "AAAAAAAD, slightly, 7, 3, MEDIUM",
            "DDDDAAAD, very-much, 4, 4, HIGH",      // subscore 4 (bothersomeness counts): high
            "DDDDAAAA, not-at-all, 4, 4, HIGH",
            "AAAAAAAA, extremely, 9, 5, HIGH"
    })
    void totalSubscoreAndRisk(String agreement, String bothersome, int total, int psychosocial, String risk) {
        Score s = StartBack.score(answers(agreement, bothersome));
        assertEquals(BigDecimal.valueOf(total), s.value());
        assertEquals(Map.of(StartBack.PSYCHOSOCIAL, BigDecimal.valueOf(psychosocial)), s.subscores());
        assertEquals(risk, s.band());
    }

    @ParameterizedTest(name = "bothersomeness {0} scores {1}")
    @CsvSource({"not-at-all, 0", "slightly, 0", "moderately, 0", "very-much, 1", "extremely, 1"})
    void onlyTheTopTwoBothersomenessAnswersScore(String answer, int points) {
        assertEquals(BigDecimal.valueOf(points), StartBack.score(answers("DDDDDDDD", answer)).value());
    }

    @Test
    void riskGroupRule() {
        assertEquals(StartBack.Risk.LOW, StartBack.risk(3, 3));
        assertEquals(StartBack.Risk.MEDIUM, StartBack.risk(4, 3));
        assertEquals(StartBack.Risk.HIGH, StartBack.risk(4, 4));
        assertEquals(StartBack.Risk.HIGH, StartBack.risk(9, 5));
    }

    @Test
    void aChangeHasNoPublishedThreshold() {
        Score baseline = StartBack.score(answers("AAAAAAAA", "extremely"));
        Change c = StartBack.score(answers("AAADDDDD", "slightly"), baseline).change();
        assertEquals(BigDecimal.valueOf(-6), c.difference());
        assertNull(c.meaningful());
        assertNull(c.threshold());
        assertEquals(Change.Direction.IMPROVED, c.direction());
    }

    @Test
    void agreementOnTheBothersomenessItemIsRefused() {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> StartBack.score(answers("DDDDDDDD", "agree")));
        assertEquals(List.of("startback-9"), Answers.fields(r));
        assertEquals("item startback-9 has no answer 'agree'; it accepts not-at-all, slightly, moderately,"
                + " very-much, extremely", r.errors().get(0).message());
    }

    @Test
    void aLikertAnswerOnAnAgreementItemIsRefused() {
        Map<String, String> a = answers("DDDDDDDD", "slightly");
        a.put("startback-2", "very-much");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> StartBack.score(a));
        assertEquals(List.of("startback-2"), Answers.fields(r));
    }

    @Test
    void everyItemMustBeAnswered() {
        Map<String, String> a = answers("DDDDDDDD", "slightly");
        a.remove("startback-4");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> StartBack.score(a));
        assertEquals(List.of("answers"), Answers.fields(r));
        assertTrue(r.errors().get(0).message().contains("(startback-4)"));
    }

    @Test
    void aTenthItemIsRefused() {
        Map<String, String> a = answers("DDDDDDDD", "slightly");
        a.put("startback-10", "agree");
        assertEquals(List.of("startback-10"), Answers.fields(assertThrows(OutcomeRefusal.class,
                () -> StartBack.score(a))));
    }
}
