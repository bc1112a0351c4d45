package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.outcome.QuestionnaireScoring.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which refusal a submitted questionnaire gets, and the change rule per instrument. Plain Java. */
class QuestionnaireScoringTest {

    static Refusal refusal(String instrument, String version, Map<String, String> answers, List<Psfs.Activity> acts) {
        return QuestionnaireScoring.kind(assertThrows(OutcomeRefusal.class,
                () -> QuestionnaireScoring.score(instrument, version, answers, acts)));
    }

    @Test
    void eachRefusalHasItsKind() {
        Map<String, String> odi = Answers.numbers("odi", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(Refusal.UNKNOWN_INSTRUMENT, refusal("odi-2.0", "1", odi, null));
        assertEquals(Refusal.WRONG_VERSION, refusal(Oswestry.ID, "2", odi, null));
        assertEquals(Refusal.ANSWER_OUT_OF_RANGE, refusal(Oswestry.ID, "1",
                Answers.numbers("odi", 6, 1, 1, 1, 1, 1, 1, 1, 1, 1), null));
        assertEquals(Refusal.UNKNOWN_ITEM, refusal(Oswestry.ID, "1", Answers.numbers("odi", 1, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1), null), "odi-11");
        assertEquals(Refusal.TOO_MANY_LEFT_OUT, refusal(Oswestry.ID, "1",
                Answers.numbers("odi", -1, -1, -1, 1, 1, 1, 1, 1, 1, 1), null));
        assertEquals(Refusal.ACTIVITY_COUNT, refusal(Psfs.ID, "1", null, List.of()));
        assertEquals(Refusal.ACTIVITY_COUNT, refusal(Psfs.ID, "1", null, List.of(new Psfs.Activity("a", 1),
                new Psfs.Activity("b", 1), new Psfs.Activity("c", 1), new Psfs.Activity("d", 1),
                new Psfs.Activity("e", 1), new Psfs.Activity("f", 1))));
        assertEquals(Refusal.INVALID_ACTIVITY, refusal(Psfs.ID, "1", null, List.of(new Psfs.Activity("a", 11),
                new Psfs.Activity("b", 1), new Psfs.Activity("c", 1))));
        assertEquals(Refusal.UNKNOWN_ITEM, refusal(Nprs.ID, "1", Map.of("nprs-1", "3"),
                List.of(new Psfs.Activity("a", 1))), "activities on an item instrument");
        // An unknown item and an out-of-range answer together: the unknown item names the problem.
        Map<String, String> both = Answers.numbers("odi", 9, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        both.put("odi-12", "1");
        assertEquals(Refusal.UNKNOWN_ITEM, refusal(Oswestry.ID, "1", both, null));
    }

    @Test
    void changeUsesTheInstrumentsThresholdAndDirection() {
        Change odi = QuestionnaireScoring.change(Oswestry.ID, new BigDecimal("32.0"), new BigDecimal("44.0"));
        assertEquals(Change.Direction.WORSENED, odi.direction());
        assertEquals(Boolean.TRUE, odi.meaningful());
        Change psfs = QuestionnaireScoring.change(Psfs.ID, new BigDecimal("3.0"), new BigDecimal("4.5"));
        assertEquals(Change.Direction.IMPROVED, psfs.direction());
        assertEquals(Boolean.FALSE, psfs.meaningful(), "1.5 < 2");
        assertEquals(null, QuestionnaireScoring.change(StartBack.ID, BigDecimal.ONE, BigDecimal.TEN).meaningful());
    }
}
