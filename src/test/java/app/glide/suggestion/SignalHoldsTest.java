package app.glide.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Progression;
import app.glide.plan.Schedule;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Decision;
import app.glide.testing.ThreeSteps;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Holds and releases of scheduled progression by pain signals, and the AUTO mode ceiling. */
class SignalHoldsTest {

    static final UUID STEP1 = ThreeSteps.STEP1;
    static final UUID STEP2 = ThreeSteps.STEP2;
    static final UUID STEP3 = ThreeSteps.STEP3;
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = START.plusDays(30);

    /** step1 → step2 → step3 */
    static final Chain THREE_STEPS = ThreeSteps.CHAIN;

    /** 2 × 10 reps of {@code exercise} since START, +2 reps every 28 days up to 14. */
    static PlanItem item(UUID exercise, int reps) {
        return new PlanItem(UUID.randomUUID(), exercise, new Dosage(2, reps, null, null, null, 1, null, null), START,
                new Schedule(EnumSet.allOf(DayOfWeek.class), null), new Progression(DosageField.REPS, 2, 28, 14, true),
                10, null, null, false);
    }

    static ItemSuggestion suggestion(PlanItem item, String rule, String signal) {
        return new ItemSuggestion(item, new Decision(Action.HOLD, rule, "Because.", List.of(), List.of()), "none",
                Optional.ofNullable(signal));
    }

    static SignalHolds.Changes changes(ItemSuggestion... computed) {
        PlanContent content = new PlanContent("Plan", null, 100, false,
                List.of(computed).stream().map(ItemSuggestion::item).toList());
        return SignalHolds.changes(content, List.of(computed), TODAY, THREE_STEPS,
                id -> id.equals(STEP1) ? Optional.of("Bridge") : Optional.empty());
    }

    @Test
    void onlyItemsWithAProgressionThatNothingElseHoldsCanBeHeld() {
        PlanItem item = item(STEP1, 10);
        assertTrue(SignalHolds.holdable(item));
        assertTrue(SignalHolds.holdable(item.withHold("signal:pain-above-limit")));
        assertFalse(SignalHolds.holdable(item.withHold(PlanAdjuster.HOLD_FLARE)));
        assertFalse(SignalHolds.holdable(item.withPaused(true)));
        assertFalse(SignalHolds.holdable(new PlanItem(item.id(), STEP1, item.dosage(), START, item.schedule(), null,
                null, null, null, false)));
    }

    @Test
    void aStandingSignalHoldsTheItemAtTodaysDose() {
        PlanItem item = item(STEP1, 10);
        SignalHolds.Changes c = changes(suggestion(item, "pain-above-limit", "pain-above-limit"));
        PlanItem held = c.content().item(item.id()).orElseThrow();
        assertEquals("signal:pain-above-limit", held.hold());
        assertEquals(TODAY, held.since());
        assertEquals(12, held.dosage().reps(), "day 30: one step of +2 already taken");
        assertEquals(List.of("Bridge: scheduled progression held (rule pain-above-limit): Because."), c.changes());
        assertEquals("Automatic: scheduled progression held by the pain rules", c.reason());
    }

    @Test
    void aSignalOtherThanTheDecidingRuleIsNamedWithoutItsReason() {
        SignalHolds.Changes c = changes(suggestion(item(STEP2, 10), "not-enough-sessions", "pain-rose-during-session"));
        assertEquals(List.of("Item: scheduled progression held (rule pain-rose-during-session)"), c.changes());
    }

    @Test
    void noSignalReleasesASignalHoldFromTodaysDose() {
        PlanItem item = item(STEP1, 10).withHold("signal:worse-next-morning");
        SignalHolds.Changes c = changes(suggestion(item, "not-enough-sessions", null));
        PlanItem released = c.content().item(item.id()).orElseThrow();
        assertNull(released.hold());
        assertEquals(TODAY, released.since());
        assertEquals(10, released.dosage().reps(), "a held item stays at its dose");
        assertEquals(List.of("Bridge: scheduled progression resumed from today's dose (no signal stands)"), c.changes());
        assertEquals("Automatic: scheduled progression resumed by the pain rules", c.reason());
    }

    @Test
    void nothingChangesWhenHoldsAlreadyMatchTheSignalsOrTheItemIsNotHoldable() {
        PlanItem heldBySignal = item(STEP1, 10).withHold("signal:red-flag-open");
        PlanItem flare = item(STEP1, 10).withHold(PlanAdjuster.HOLD_FLARE);
        PlanItem free = item(STEP1, 10);
        SignalHolds.Changes c = changes(suggestion(heldBySignal, "red-flag-open", "red-flag-open"),
                suggestion(flare, "ready", null), suggestion(free, "not-enough-sessions", null));
        assertEquals(List.of(), c.changes());
        assertEquals(List.of(heldBySignal, flare, free), c.content().items());
    }

    @Test
    void heldAndReleasedTogetherIsReportedAsHeld() {
        SignalHolds.Changes c = changes(suggestion(item(STEP1, 10), "pain-above-limit", "pain-above-limit"),
                suggestion(item(STEP1, 10).withHold("signal:symptoms-spread"), "no-sessions", null));
        assertEquals(2, c.changes().size());
        assertEquals("Automatic: scheduled progression held by the pain rules", c.reason());
    }

    static PlanItem withCeiling(PlanItem item, UUID exercise, Integer maxValue) {
        return new PlanItem(item.id(), item.exerciseId(), item.dosage(), item.since(), item.schedule(),
                item.progression(), item.startValue(), null, null, false, new PlanItem.Ceiling(exercise, maxValue), null);
    }

    @Test
    void withoutACeilingNothingProgressesAutomatically() {
        assertFalse(SignalHolds.withinCeiling(item(STEP1, 10), item(STEP1, 12), THREE_STEPS));
    }

    @Test
    void onTheCeilingsStepTheFieldMayRiseToItsMaximum() {
        PlanItem before = withCeiling(item(STEP1, 10), STEP1, 12);
        assertTrue(SignalHolds.withinCeiling(before, item(STEP1, 12), THREE_STEPS));
        assertFalse(SignalHolds.withinCeiling(before, item(STEP1, 14), THREE_STEPS));
        assertTrue(SignalHolds.withinCeiling(withCeiling(item(STEP1, 10), STEP1, null), item(STEP1, 14), THREE_STEPS),
                "no maximum: the whole step");
    }

    @Test
    void aCeilingOnAHarderStepAllowsTheStepsBelowIt() {
        PlanItem before = withCeiling(item(STEP1, 10), STEP3, 10);
        assertTrue(SignalHolds.withinCeiling(before, item(STEP2, 14), THREE_STEPS));
        assertFalse(SignalHolds.withinCeiling(withCeiling(item(STEP2, 10), STEP1, null), item(STEP3, 10), THREE_STEPS),
                "past the ceiling's step");
        assertFalse(SignalHolds.withinCeiling(before, item(STEP2, 14), Chain.NONE), "not in the chain");
    }
}
