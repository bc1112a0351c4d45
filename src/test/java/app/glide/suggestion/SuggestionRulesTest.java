package app.glide.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Context;
import app.glide.suggestion.SuggestionRules.Decision;
import app.glide.suggestion.SuggestionRules.ItemSession;
import app.glide.suggestion.SuggestionRules.Thresholds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of the suggestion rules, on hand-made session histories (newest first). */
class SuggestionRulesTest {

    static final LocalDate D = LocalDate.of(2026, 11, 20);
    static final Context CALM = new Context(false, false);
    static final Context RED_FLAG = new Context(true, false);
    static final Context FLARE = new Context(false, true);
    static final Thresholds T = Thresholds.DEFAULTS;

    /** A good session: done in full, pain 2, morning same, no spread, difficulty 5. */
    static ItemSession good(int daysAgo) {
        return new ItemSession("s" + daysAgo, D.minusDays(daysAgo), true, false, 2, "SAME", false, 5);
    }

    static ItemSession with(ItemSession s, String what, Object value) {
        return switch (what) {
            case "pain" -> new ItemSession(s.sessionId(), s.date(), s.doneInFull(), s.skipped(), (Integer) value, s.nextMorning(), s.symptomsSpread(), s.difficulty());
            case "morning" -> new ItemSession(s.sessionId(), s.date(), s.doneInFull(), s.skipped(), s.painPeak(), (String) value, s.symptomsSpread(), s.difficulty());
            case "spread" -> new ItemSession(s.sessionId(), s.date(), s.doneInFull(), s.skipped(), s.painPeak(), s.nextMorning(), true, s.difficulty());
            case "partial" -> new ItemSession(s.sessionId(), s.date(), false, false, s.painPeak(), s.nextMorning(), s.symptomsSpread(), s.difficulty());
            case "skipped" -> new ItemSession(s.sessionId(), s.date(), false, true, s.painPeak(), s.nextMorning(), s.symptomsSpread(), s.difficulty());
            case "difficulty" -> new ItemSession(s.sessionId(), s.date(), s.doneInFull(), s.skipped(), s.painPeak(), s.nextMorning(), s.symptomsSpread(), (Integer) value);
            default -> throw new IllegalArgumentException(what);
        };
    }

    static List<ItemSession> goodThree() {
        return List.of(good(1), good(3), good(5));
    }

    static List<ItemSession> changeAt(int index, String what, Object value) {
        List<ItemSession> l = new ArrayList<>(goodThree());
        l.set(index, with(l.get(index), what, value));
        return l;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, history, context, expected action, expected rule
                Arguments.of("three good sessions", goodThree(), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("pain exactly at the progress limit", changeAt(0, "pain", 3), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("difficulty exactly at target", changeAt(2, "difficulty", 6), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("no sessions yet", List.of(), CALM, Action.HOLD, "no-sessions"),
                Arguments.of("only two sessions", List.of(good(1), good(3)), CALM, Action.HOLD, "not-enough-sessions"),
                Arguments.of("newest peak pain 6", changeAt(0, "pain", 6), CALM, Action.REGRESS, "pain-above-limit"),
                Arguments.of("newest peak pain 5 is acceptable, not progress", changeAt(0, "pain", 5), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("older session pain 4", changeAt(2, "pain", 4), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("older session pain 7 (already past)", changeAt(1, "pain", 7), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("newest next morning worse", changeAt(0, "morning", "WORSE"), CALM, Action.REGRESS, "worse-next-morning"),
                Arguments.of("older next morning worse", changeAt(1, "morning", "WORSE"), CALM, Action.HOLD, "worse-next-morning-recently"),
                Arguments.of("next morning not reported", changeAt(0, "morning", null), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("newest symptoms spread", changeAt(0, "spread", true), CALM, Action.REGRESS, "symptoms-spread"),
                Arguments.of("older symptoms spread", changeAt(2, "spread", true), CALM, Action.HOLD, "symptoms-spread-recently"),
                Arguments.of("partly done", changeAt(1, "partial", true), CALM, Action.HOLD, "not-done-in-full"),
                Arguments.of("skipped", changeAt(1, "skipped", true), CALM, Action.HOLD, "not-done-in-full"),
                Arguments.of("too hard", changeAt(0, "difficulty", 8), CALM, Action.HOLD, "too-hard"),
                Arguments.of("red flag blocks progress", goodThree(), RED_FLAG, Action.HOLD, "red-flag-open"),
                Arguments.of("flare-up blocks progress", goodThree(), FLARE, Action.HOLD, "flare-up-active"),
                Arguments.of("regress still allowed under a red flag", changeAt(0, "pain", 8), RED_FLAG, Action.REGRESS, "pain-above-limit"),
                Arguments.of("regress still allowed in a flare-up", changeAt(0, "morning", "WORSE"), FLARE, Action.REGRESS, "worse-next-morning"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, List<ItemSession> history, Context context, Action action, String rule) {
        Decision d = SuggestionRules.decide(history, context, T);
        assertEquals(action, d.action(), name + ": " + d.reason());
        assertEquals(rule, d.rule(), name);
        assertTrue(d.reason().length() > 10, "a reason in words");
    }

    @ParameterizedTest(name = "never PROGRESS with {0}")
    @MethodSource("blockers")
    void neverProgressUnderARedFlagOrAFlareUp(String name, Context context) {
        for (List<ItemSession> h : List.of(goodThree(), List.of(good(1), good(2), good(3), good(4), good(5)))) {
            assertNotEquals(Action.PROGRESS, SuggestionRules.decide(h, context, T).action());
        }
    }

    static Stream<Arguments> blockers() {
        return Stream.of(Arguments.of("an open red flag", RED_FLAG), Arguments.of("an active flare-up", FLARE),
                Arguments.of("both", new Context(true, true)));
    }

    @ParameterizedTest(name = "clinic thresholds: {0}")
    @MethodSource("thresholdCases")
    void thresholdsComeFromTheClinicOrPlan(String name, Thresholds t, List<ItemSession> h, Action expected) {
        assertEquals(expected, SuggestionRules.decide(h, CALM, t).action());
    }

    static Stream<Arguments> thresholdCases() {
        return Stream.of(
                Arguments.of("two sessions are enough", new Thresholds(2, 3, 5, 6), List.of(good(1), good(2)), Action.PROGRESS),
                Arguments.of("stricter pain limit", new Thresholds(3, 1, 5, 6), goodThree(), Action.HOLD),
                Arguments.of("lower regress limit", new Thresholds(3, 3, 1, 6), goodThree(), Action.REGRESS),
                Arguments.of("easier target", new Thresholds(3, 3, 5, 4), goodThree(), Action.HOLD));
    }
}
