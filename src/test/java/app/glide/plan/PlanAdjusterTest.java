package app.glide.plan;

import app.glide.exercise.DosageField;
import app.glide.exercise.Dosage;

import static app.glide.plan.ProgressionMathTest.START;
import static app.glide.plan.ProgressionMathTest.STEP1;
import static app.glide.plan.ProgressionMathTest.STEP2;
import static app.glide.plan.ProgressionMathTest.STEP3;
import static app.glide.plan.ProgressionMathTest.THREE_STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanAdjusterTest {

    static final Dosage DEFAULT = new Dosage(1, 5, null, null, null, 1, null, null);

    static PlanAdjuster.Result apply(PlanContent content, PlanAdjuster.Request r, LocalDate today) {
        return PlanAdjuster.apply(content, r, today, THREE_STEPS, id -> "Step " + id.toString().charAt(35),
                id -> DEFAULT, (a, b) -> true);
    }

    static PlanContent plan(PlanItem item) {
        return new PlanContent("Plan", null, 100, false, List.of(item));
    }

    static PlanAdjuster.Request request(Adjustment a, UUID item) {
        return new PlanAdjuster.Request(a, item, null, null, null);
    }

    @Test
    void progressSettlesTodaysDosageThenAddsOneIncrement() {
        PlanItem item = ProgressionMathTest.item(true);
        LocalDate today = START.plusDays(8); // automatic progression already at 10
        PlanAdjuster.Result r = apply(plan(item), request(Adjustment.PROGRESS, item.id()), today);
        PlanItem after = r.content().items().get(0);
        assertEquals(12, after.dosage().reps());
        assertEquals(today, after.since(), "the progression clock restarts today");
        assertEquals(List.of("Step 1: 2 sets, 10 reps → 2 sets, 12 reps"), r.changes());
    }

    @Test
    void progressAtTheCapMovesToTheHarderStepAtTheStartingValue() {
        PlanItem item = ProgressionMathTest.item(true);
        PlanAdjuster.Result r = apply(plan(item), request(Adjustment.PROGRESS, item.id()), START.plusDays(30));
        PlanItem after = r.content().items().get(0);
        assertEquals(STEP2, after.exerciseId());
        assertEquals(8, after.dosage().reps());
        assertEquals(List.of("Step 1: 2 sets, 15 reps → Step 2, 2 sets, 8 reps"), r.changes());
    }

    @Test
    void progressAtTheHardestStepAndCapIsRefused() {
        PlanItem item = ProgressionMathTest.item(true).withState(STEP3, new Dosage(2, 15, null, null, null, 1, null, null), START);
        PlanAdjuster.Refusal refusal = assertThrows(PlanAdjuster.Refusal.class,
                () -> apply(plan(item), request(Adjustment.PROGRESS, item.id()), START));
        assertTrue(refusal.getMessage().contains("hardest step"));
    }

    @Test
    void regressStepsDownThenToTheEasierExercise() {
        PlanItem item = ProgressionMathTest.item(true).withState(STEP2, new Dosage(2, 10, null, null, null, 1, null, null), START);
        PlanContent once = apply(plan(item), request(Adjustment.REGRESS, item.id()), START).content();
        assertEquals(8, once.items().get(0).dosage().reps());
        assertEquals(STEP2, once.items().get(0).exerciseId());
        PlanContent twice = apply(once, request(Adjustment.REGRESS, item.id()), START).content();
        assertEquals(STEP1, twice.items().get(0).exerciseId());
        int reps = twice.items().get(0).dosage().reps();
        // At the easiest step and its starting dose the dose itself steps back (80 % by default), down to the floor.
        PlanContent thrice = apply(twice, request(Adjustment.REGRESS, item.id()), START).content();
        assertEquals(STEP1, thrice.items().get(0).exerciseId());
        assertEquals(reps * 80 / 100, thrice.items().get(0).dosage().reps());
        PlanContent at = thrice;
        for (int i = 0; i < 10 && at.items().get(0).dosage().reps() > PlanAdjuster.floor(DosageField.REPS); i++) {
            at = apply(at, request(Adjustment.REGRESS, item.id()), START).content();
        }
        assertEquals(2, at.items().get(0).dosage().reps());
        PlanContent floor = at;
        assertThrows(PlanAdjuster.Refusal.class, () -> apply(floor, request(Adjustment.REGRESS, item.id()), START));
        PlanAdjuster.Attempt refused = PlanAdjuster.attempt(floor, request(Adjustment.REGRESS, item.id()), START,
                THREE_STEPS, id -> "Step", id -> DEFAULT, (a, b) -> true, 80);
        assertTrue(!refused.ok() && refused.refusal().contains("lowest"), "a refusal as a value, not an exception");
    }

    @Test
    void aDoseStepBackLowersRepsHoldAndMinutesNotSetsUnlessNothingElse() {
        Dosage holds = new Dosage(3, 10, 30, null, null, 1, null, null);
        assertEquals(new Dosage(3, 8, 24, null, null, 1, null, null), PlanAdjuster.stepBack(holds, null, 80).orElseThrow());
        assertEquals(new Dosage(3, 10, 15, null, null, 1, null, null),
                PlanAdjuster.stepBack(holds, DosageField.HOLD_SECONDS, 50).orElseThrow());
        Dosage walk = new Dosage(null, null, null, null, null, 1, null, 20);
        assertEquals(16, PlanAdjuster.stepBack(walk, null, 80).orElseThrow().durationMinutes());
        Dosage setsOnly = new Dosage(3, null, null, null, null, 1, null, null);
        assertEquals(2, PlanAdjuster.stepBack(setsOnly, null, 80).orElseThrow().sets());
        // At least one lower even when the share rounds back to the same value; never below the floor.
        assertEquals(3, PlanAdjuster.stepBack(new Dosage(1, 4, null, null, null, 1, null, null), null, 95).orElseThrow().reps());
        assertTrue(PlanAdjuster.stepBack(new Dosage(1, 2, 5, null, null, 1, null, null), null, 80).isEmpty());
    }

    @Test
    void aStepBackHoldsTheScheduleAndAProgressOrResumeReleasesIt() {
        PlanItem item = ProgressionMathTest.item(false); // 8 reps, +2 a week
        LocalDate day = START.plusDays(14); // scheduled at 12
        PlanItem regressed = apply(plan(item), request(Adjustment.REGRESS, item.id()), day).content().items().get(0);
        assertEquals(10, regressed.dosage().reps());
        assertEquals(PlanAdjuster.HOLD_STEPPED_BACK, regressed.hold());
        assertEquals(10, ProgressionMath.on(regressed, day.plusDays(30), THREE_STEPS).dosage().reps(),
                "no scheduled increase after a manual reduction");
        PlanItem resumed = apply(plan(regressed), request(Adjustment.RESUME_ITEM, item.id()), day.plusDays(30))
                .content().items().get(0);
        assertEquals(null, resumed.hold());
        assertEquals(10, ProgressionMath.on(resumed, day.plusDays(30), THREE_STEPS).dosage().reps(), "from where it was");
        assertEquals(12, ProgressionMath.on(resumed, day.plusDays(37), THREE_STEPS).dosage().reps());
        PlanItem progressed = apply(plan(regressed), request(Adjustment.PROGRESS, item.id()), day.plusDays(30))
                .content().items().get(0);
        assertEquals(null, progressed.hold());
        assertEquals(12, progressed.dosage().reps());
    }

    @Test
    void setExerciseMustStayInTheChain() {
        PlanItem item = ProgressionMathTest.item(false);
        PlanContent moved = apply(plan(item), new PlanAdjuster.Request(Adjustment.SET_EXERCISE, item.id(), null, STEP3, null), START)
                .content();
        assertEquals(STEP3, moved.items().get(0).exerciseId());
        UUID stranger = UUID.randomUUID();
        assertThrows(PlanAdjuster.Refusal.class, () -> apply(plan(item),
                new PlanAdjuster.Request(Adjustment.SET_EXERCISE, item.id(), null, stranger, null), START));
    }

    @Test
    void scaleAndPauseActOnTheWholePlanAndAreRecorded() {
        PlanItem item = ProgressionMathTest.item(false);
        PlanAdjuster.Result scaled = apply(plan(item), new PlanAdjuster.Request(Adjustment.SCALE_PLAN, null, null, null, 70), START);
        assertEquals(70, scaled.content().scalePercent());
        assertEquals(List.of("Whole plan scaled from 100 % to 70 %"), scaled.changes());
        PlanContent paused = apply(scaled.content(), request(Adjustment.PAUSE_PLAN, null), START).content();
        assertTrue(paused.paused());
        assertThrows(PlanAdjuster.Refusal.class, () -> apply(paused, request(Adjustment.PAUSE_PLAN, null), START));
    }

    @Test
    void pausingAnItemFreezesItsProgressionUntilResumed() {
        PlanItem item = ProgressionMathTest.item(false);
        PlanContent paused = apply(plan(item), request(Adjustment.PAUSE_ITEM, item.id()), START.plusDays(7)).content();
        assertEquals(10, ProgressionMath.on(paused.items().get(0), START.plusDays(60), THREE_STEPS).dosage().reps());
        PlanContent resumed = apply(paused, request(Adjustment.RESUME_ITEM, item.id()), START.plusDays(60)).content();
        PlanItem r = resumed.items().get(0);
        assertEquals(10, ProgressionMath.on(r, START.plusDays(60), THREE_STEPS).dosage().reps());
        assertEquals(12, ProgressionMath.on(r, START.plusDays(67), THREE_STEPS).dosage().reps());
    }

    @Test
    void anUnknownItemIsRefused() {
        PlanItem item = ProgressionMathTest.item(false);
        assertThrows(PlanAdjuster.Refusal.class, () -> apply(plan(item), request(Adjustment.PROGRESS, UUID.randomUUID()), START));
    }

    @Test
    void etagsNeedIfMatchAndTheCurrentRevision() {
        UUID plan = UUID.randomUUID();
        String etag = new PlanEtag(plan, 3, START).header();
        PlanEtag.requireCurrent(etag, plan, 3);
        // Loaded yesterday, nobody changed it since: still fine.
        PlanEtag.requireCurrent(new PlanEtag(plan, 3, START.minusDays(1)).header(), plan, 3);
        assertEquals(428, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent(null, plan, 3)).status());
        assertEquals(412, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent(etag, plan, 4)).status());
        assertEquals(412, assertThrows(ApiProblem.class,
                () -> PlanEtag.requireCurrent(new PlanEtag(UUID.randomUUID(), 3, START).header(), plan, 3)).status());
        assertEquals(412, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent("\"garbage\"", plan, 3)).status());
        assertTrue(new PlanEtag(plan, 3, START).matchesAny("\"x\", " + etag));
        assertEquals(false, new PlanEtag(plan, 3, START.plusDays(1)).matchesAny(etag), "a new day is a new body");
    }
}
