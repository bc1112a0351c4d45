package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NPRS scoring, plain Java. Meaningful change from Childs JD et al., "Responsiveness of the numeric
 * pain rating scale in patients with low back pain", Spine 2005;30(11):1331-4
 * (https://pubmed.ncbi.nlm.nih.gov/15928561/): "a 2-point change on the NPRS represents clinically
 * meaningful change that exceeds the bounds of measurement error".
 */
class NprsTest {

    static Score nprs(String answer) {
        return Nprs.score(Map.of("nprs-1", answer));
    }

    @ParameterizedTest(name = "pain {0}")
    @ValueSource(ints = {0, 5, 10})
    void theScoreIsTheAnswer(int pain) {
        assertEquals(BigDecimal.valueOf(pain), nprs(Integer.toString(pain)).value());
    }

    @Test
    void twoPointsIsMeaningfulOneIsNot() {
        Score baseline = nprs("7");
        Change better = Nprs.score(Map.of("nprs-1", "5"), baseline).change();
        assertTrue(better.meaningful());
        assertEquals(Change.Direction.IMPROVED, better.direction());
        Change slight = Nprs.score(Map.of("nprs-1", "6"), baseline).change();
        assertEquals(false, slight.meaningful());
        Change worse = Nprs.score(Map.of("nprs-1", "9"), baseline).change();
        assertTrue(worse.meaningful());
        assertEquals(Change.Direction.WORSENED, worse.direction());
        assertEquals(BigDecimal.valueOf(2), worse.difference());
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"11", "-1", "seven", "7.5", ""})
    void answersOutsideZeroToTenAreRefused(String answer) {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> nprs(answer));
        assertEquals(List.of("nprs-1"), Answers.fields(r));
        assertTrue(r.errors().get(0).message().startsWith("item nprs-1 has no answer '" + answer + "'"));
    }

    @Test
    void anItemWithoutIdIsRefused() {
        Map<String, String> answers = new HashMap<>();
        answers.put(null, "3");
        answers.put("nprs-1", "3");
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Nprs.score(answers));
        assertEquals(List.of("null"), Answers.fields(r));
        assertTrue(r.errors().get(0).message().startsWith("item 'null' is not part of nprs"));
    }

    @Test
    void noAnswerIsRefused() {
        assertEquals(List.of("answers"), Answers.fields(assertThrows(OutcomeRefusal.class, () -> Nprs.score(Map.of()))));
    }
}
