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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    static final Context PAIN_RISING = new Context(false, false, true, false, null);
    static final Context PERIPHERALISATION = new Context(false, false, false, true, null);
    static final Context BASELINE_PEAK_1 = new Context(false, false, false, false, 1.0);

    /** A good session: done in full, pain 1 before and 2 at peak, next morning same at 1, no spread, difficulty 5. */
    static ItemSession good(int daysAgo) {
        return new ItemSession("s" + daysAgo, D.minusDays(daysAgo), true, false, 1, 2, "SAME", 1, false, 5);
    }

    static ItemSession with(ItemSession s, String what, Object value) {
        boolean full = s.doneInFull();
        boolean skipped = s.skipped();
        int before = s.painBefore();
        int peak = s.painPeak();
        String morning = s.nextMorning();
        Integer morningPain = s.morningPain();
        boolean spread = s.symptomsSpread();
        int difficulty = s.difficulty();
        String soreness = s.sorenessWindow();
        switch (what) {
            case "pain" -> peak = (Integer) value;
            case "before" -> before = (Integer) value;
            case "morning" -> morning = (String) value;
            case "morningPain" -> morningPain = (Integer) value;
            case "noMorning" -> {
                morning = null;
                morningPain = null;
            }
            case "spread" -> spread = true;
            case "partial" -> full = false;
            case "skipped" -> {
                full = false;
                skipped = true;
            }
            case "difficulty" -> difficulty = (Integer) value;
            case "soreness" -> soreness = (String) value;
            default -> throw new IllegalArgumentException(what);
        }
        return new ItemSession(s.sessionId(), s.date(), full, skipped, before, peak, morning, morningPain, spread, difficulty,
                soreness);
    }

    static List<ItemSession> goodThree() {
        return List.of(good(1), good(3), good(5));
    }

    static List<ItemSession> changeAt(int index, String what, Object value) {
        List<ItemSession> l = new ArrayList<>(goodThree());
        l.set(index, with(l.get(index), what, value));
        return l;
    }

    static List<ItemSession> everySession(String what, Object value) {
        return goodThree().stream().map(s -> with(s, what, value)).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, history, context, expected action, expected rule
                Arguments.of("three good sessions", goodThree(), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("pain exactly at the progress limit, rise of 1", with3(changeAt(0, "pain", 3), 0, "before", 2), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("difficulty exactly at target", changeAt(2, "difficulty", 6), CALM, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("no sessions yet", List.of(), CALM, Action.HOLD, "no-sessions"),
                Arguments.of("only two sessions", List.of(good(1), good(3)), CALM, Action.HOLD, "not-enough-sessions"),
                Arguments.of("newest peak pain 6", changeAt(0, "pain", 6), CALM, Action.REGRESS, "pain-above-limit"),
                Arguments.of("newest peak pain 5 is acceptable, not progress", with3(changeAt(0, "pain", 5), 0, "before", 4), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("older session pain 4", with3(changeAt(2, "pain", 4), 2, "before", 4), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("older session pain 7 (already past)", changeAt(1, "pain", 7), CALM, Action.HOLD, "pain-too-high-to-progress"),
                Arguments.of("pain rose 1 to 3 within each session", everySession("pain", 3), CALM, Action.HOLD, "pain-rose-during-session"),
                Arguments.of("peak 3 against a first-week peak of 1", everySession("before", 2).stream().map(x -> with(x, "pain", 3)).map(x -> with(x, "morningPain", 2)).toList(), BASELINE_PEAK_1, Action.HOLD, "pain-above-baseline"),
                Arguments.of("peak 2 against a first-week peak of 1 is no meaningful rise", goodThree(), BASELINE_PEAK_1, Action.PROGRESS, "ready-to-progress"),
                Arguments.of("newest next morning worse", changeAt(0, "morning", "WORSE"), CALM, Action.REGRESS, "worse-next-morning"),
                Arguments.of("newest morning SAME but pain 5 after a resting 2", with3(changeAt(0, "before", 2), 0, "morningPain", 5), CALM, Action.REGRESS, "worse-next-morning"),
                Arguments.of("newest morning BETTER but pain 8", with3(changeAt(0, "morning", "BETTER"), 0, "morningPain", 8), CALM, Action.REGRESS, "worse-next-morning"),
                Arguments.of("newest morning pain 1 above the pre-session level", changeAt(0, "morningPain", 2), CALM, Action.HOLD, "morning-pain-above-pre-session"),
                Arguments.of("older morning SAME with pain 5 after a resting 2", with3(changeAt(1, "before", 2), 1, "morningPain", 5), CALM, Action.HOLD, "morning-pain-above-pre-session"),
                Arguments.of("older next morning worse", changeAt(1, "morning", "WORSE"), CALM, Action.HOLD, "worse-next-morning-recently"),
                Arguments.of("newest next morning not answered", changeAt(0, "noMorning", null), CALM, Action.HOLD, "morning-check-missing"),
                Arguments.of("no next morning answered at all", everySession("noMorning", null), CALM, Action.HOLD, "morning-check-missing"),
                Arguments.of("newest symptoms spread", changeAt(0, "spread", true), CALM, Action.REGRESS, "symptoms-spread"),
                Arguments.of("older symptoms spread", changeAt(2, "spread", true), CALM, Action.HOLD, "symptoms-spread-recently"),
                Arguments.of("partly done", changeAt(1, "partial", true), CALM, Action.HOLD, "not-done-in-full"),
                Arguments.of("skipped", changeAt(1, "skipped", true), CALM, Action.HOLD, "not-done-in-full"),
                Arguments.of("too hard", changeAt(0, "difficulty", 8), CALM, Action.HOLD, "too-hard"),
                Arguments.of("red flag blocks progress", goodThree(), RED_FLAG, Action.HOLD, "red-flag-open"),
                Arguments.of("red flag holds even without sessions", List.of(), RED_FLAG, Action.HOLD, "red-flag-open"),
                Arguments.of("rising pain holds even without sessions", List.of(), PAIN_RISING, Action.HOLD, "pain-rising-open"),
                Arguments.of("flare-up blocks progress", goodThree(), FLARE, Action.HOLD, "flare-up-active"),
                Arguments.of("open rising-pain alert blocks progress", goodThree(), PAIN_RISING, Action.HOLD, "pain-rising-open"),
                Arguments.of("open peripheralisation alert blocks progress", goodThree(), PERIPHERALISATION, Action.HOLD, "peripheralisation-open"),
                Arguments.of("regress still allowed under a red flag", changeAt(0, "pain", 8), RED_FLAG, Action.REGRESS, "pain-above-limit"),
                Arguments.of("regress still allowed in a flare-up", changeAt(0, "morning", "WORSE"), FLARE, Action.REGRESS, "worse-next-morning"));
    }

    @ParameterizedTest(name = "holding signal: {0}")
    @MethodSource("signalCases")
    void theScheduleIsHeldByASignalWhicheverRuleDecided(String name, List<ItemSession> h, Context c, String signal) {
        assertEquals(Optional.ofNullable(signal), SuggestionRules.holdingSignal(h, c, T), name);
    }

    static Stream<Arguments> signalCases() {
        return Stream.of(
                // fewer sessions than a PROGRESS needs, but each rose by 2 and the morning did not settle
                Arguments.of("two sessions 1→3", List.of(with(with(good(1), "pain", 3), "morningPain", 2),
                        with(with(good(2), "pain", 3), "morningPain", 2)), CALM, "pain-rose-during-session"),
                // a 4–5 peak decides first (pain-too-high-to-progress) but the rise of 2 still holds
                Arguments.of("three sessions 3→5", everySession("before", 3).stream().map(x -> with(x, "pain", 5))
                        .map(x -> with(x, "morningPain", 3)).toList(), CALM, "pain-rose-during-session"),
                Arguments.of("no sessions yet, rising pain open", List.of(), PAIN_RISING, "pain-rising-open"),
                Arguments.of("no sessions yet, peripheralisation open", List.of(), PERIPHERALISATION, "peripheralisation-open"),
                Arguments.of("a 5 peak after a resting 4, settled", with3(changeAt(0, "pain", 5), 0, "before", 4).stream()
                        .map(x -> with(x, "morningPain", 1)).toList(), CALM, null),
                Arguments.of("one good session", List.of(good(1)), CALM, null),
                Arguments.of("no sessions", List.of(), CALM, null));
    }

    static List<ItemSession> with3(List<ItemSession> l, int index, String what, Object value) {
        List<ItemSession> out = new ArrayList<>(l);
        out.set(index, with(out.get(index), what, value));
        return out;
    }

    @Test
    void evidenceNamesTheSessionsItUsedNewestFirst() {
        Decision d = SuggestionRules.decide(List.of(good(1), good(3), good(5), good(7)), CALM, T);
        assertEquals(List.of("s1", "s3", "s5"), d.sessionIds());
        assertTrue(d.evidence().get(0).startsWith("session s1, "), d.evidence().get(0));
    }

    @ParameterizedTest(name = "{0} holds scheduled progression: {1}")
    @MethodSource("holdingCases")
    void signalsHoldScheduledProgressionMissingEvidenceDoesNot(String name, boolean holds, List<ItemSession> h, Context c) {
        assertEquals(holds, SuggestionRules.decide(h, c, T).holdsProgression(), name);
    }

    static Stream<Arguments> holdingCases() {
        return Stream.of(
                Arguments.of("a 6/10 peak", true, changeAt(0, "pain", 6), CALM),
                Arguments.of("a 2-point rise within sessions", true, everySession("pain", 3), CALM),
                Arguments.of("a peak of 5, acceptable", false, with3(changeAt(0, "pain", 5), 0, "before", 4), CALM),
                Arguments.of("a red flag", true, List.of(), RED_FLAG),
                Arguments.of("a flare-up", true, goodThree(), FLARE),
                Arguments.of("rising pain", true, goodThree(), PAIN_RISING),
                Arguments.of("no sessions yet", false, List.of(), CALM),
                Arguments.of("missing morning answers", false, everySession("noMorning", null), CALM),
                Arguments.of("ready to progress", false, goodThree(), CALM));
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
