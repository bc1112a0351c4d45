package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import app.glide.testing.ThreeSteps;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progression and calendar maths, plain Java: no Quarkus, no database. */
class ProgressionMathTest {

    static final UUID STEP1 = ThreeSteps.STEP1;
    static final UUID STEP2 = ThreeSteps.STEP2;
    static final UUID STEP3 = ThreeSteps.STEP3;
    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

    /** step1 → step2 → step3 */
    static final Chain THREE_STEPS = ThreeSteps.CHAIN;

    static PlanItem item(boolean advance) {
        Dosage d = new Dosage(2, 8, null, null, null, 1, null, null);
        return new PlanItem(UUID.randomUUID(), STEP1, d, START, new Schedule(Set.of(DayOfWeek.MONDAY), null),
                new Progression(DosageField.REPS, 2, 7, 15, advance), 8, null, null, false);
    }

    @ParameterizedTest(name = "day {0}: {1} reps of step {2}")
    @CsvSource({
            "0, 8, 1",   // the start
            "6, 8, 1",   // still the first week
            "7, 10, 1",  // +2 after 7 days
            "13, 10, 1",
            "14, 12, 1",
            "21, 14, 1",
            "28, 15, 1", // capped at 15, not 16
            "34, 15, 1", // one full period at the cap
            "35, 8, 2",  // then the harder step at the starting value
            "42, 10, 2",
            "70, 8, 3",  // step 2 climbed 8,10,12,14,15 in 35 days, then step 3
            "400, 15, 3" // the end of the chain: stays at the cap
    })
    void repsRiseWeeklyToTheCapThenTheChainAdvances(int day, int reps, int step) {
        ProgressionMath.Prescription p = ProgressionMath.on(item(true), START.plusDays(day), THREE_STEPS);
        assertEquals(reps, p.dosage().reps());
        assertEquals(List.of(STEP1, STEP2, STEP3).get(step - 1), p.exerciseId());
        assertEquals(2, p.dosage().sets(), "other dosage values are kept");
    }

    /**
     * changesAfter skips the days of one progression period and compares only the exercise and
     * the progressed field: the same changes as comparing every day's whole prescription.
     */
    @Test
    void changesAfterAgreesWithComparingEveryDaysWholePrescription() {
        java.util.Random random = new java.util.Random(18);
        for (int n = 0; n < 2_000; n++) {
            int value = 1 + random.nextInt(20);
            Dosage d = new Dosage(1 + random.nextInt(5), value, null, null, null, 1, null, null);
            LocalDate since = START.plusDays(random.nextInt(60) - 30);
            PlanItem item = new PlanItem(UUID.randomUUID(), STEP1, d, since, new Schedule(Set.of(DayOfWeek.MONDAY), null),
                    new Progression(DosageField.REPS, 1 + random.nextInt(4), 1 + random.nextInt(10), 1 + random.nextInt(25),
                            random.nextBoolean()),
                    random.nextBoolean() ? null : 1 + random.nextInt(10), null, null, false);
            LocalDate from = START.plusDays(random.nextInt(120) - 40);
            int days = random.nextInt(30);
            List<ProgressionMath.Change> expected = new java.util.ArrayList<>();
            ProgressionMath.Prescription previous = ProgressionMath.on(item, from, THREE_STEPS);
            for (int day = 1; day <= days; day++) {
                ProgressionMath.Prescription next = ProgressionMath.on(item, from.plusDays(day), THREE_STEPS);
                if (!next.equals(previous)) {
                    expected.add(new ProgressionMath.Change(from.plusDays(day), next));
                    previous = next;
                }
            }
            assertEquals(expected, ProgressionMath.changesAfter(item, from, days, THREE_STEPS), item + " from " + from + ", " + days + " days");
        }
    }

    @Test
    void withoutChainAdvanceTheItemStaysAtTheCap() {
        PlanItem item = item(false);
        assertEquals(new ProgressionMath.Prescription(STEP1, item.dosage().with(DosageField.REPS, 15)),
                ProgressionMath.on(item, START.plusDays(100), THREE_STEPS));
    }

    @Test
    void aPausedItemDoesNotProgress() {
        PlanItem paused = item(true).withPaused(true);
        assertEquals(8, ProgressionMath.on(paused, START.plusDays(60), THREE_STEPS).dosage().reps());
    }

    @Test
    void datesBeforeTheStartUseThePrescribedDosage() {
        assertEquals(8, ProgressionMath.on(item(true), START.minusDays(3), THREE_STEPS).dosage().reps());
    }

    @Test
    void aStepFallsOnACalendarDayAcrossTheSpringDaylightSavingChange() {
        // Europe/Berlin moves to summer time on 29 March 2026: the week from 25 March to
        // 1 April is only 167 hours, but it is 7 calendar days, so it is one step.
        PlanItem item = item(false).withState(STEP1, new Dosage(2, 8, null, null, null, 1, null, null),
                LocalDate.of(2026, 3, 25));
        LocalDate dayAfterSwitchWeek = PatientCalendar.today(Instant.parse("2026-03-31T22:30:00Z"), "Europe/Berlin");
        assertEquals(LocalDate.of(2026, 4, 1), dayAfterSwitchWeek);
        assertEquals(10, ProgressionMath.on(item, dayAfterSwitchWeek, THREE_STEPS).dosage().reps());
        assertEquals(8, ProgressionMath.on(item, dayAfterSwitchWeek.minusDays(1), THREE_STEPS).dosage().reps());
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            // Just before midnight UTC: zones ahead of UTC are already on the next day.
            "2026-11-26T23:30:00Z, Pacific/Auckland, 2026-11-27",
            "2026-11-26T23:30:00Z, Europe/Berlin, 2026-11-27",
            "2026-11-26T23:30:00Z, UTC, 2026-11-26",
            "2026-11-26T23:30:00Z, America/Los_Angeles, 2026-11-26",
            // Just after midnight UTC: zones behind UTC are still on the previous day.
            "2026-11-27T00:30:00Z, America/New_York, 2026-11-26",
            "2026-11-27T00:30:00Z, Asia/Kolkata, 2026-11-27",
            // The night clocks go back in New York (1 November 2026): 01:30 happens twice.
            "2026-11-01T05:30:00Z, America/New_York, 2026-11-01",
            "2026-11-01T06:30:00Z, America/New_York, 2026-11-01"
    })
    void todayIsThePatientsLocalDate(String instant, String zone, String expected) {
        assertEquals(LocalDate.parse(expected), PatientCalendar.today(Instant.parse(instant), zone));
    }

    @Test
    void dueDaysFollowTheLocalWeekdayNotUtcs() {
        Schedule mondays = new Schedule(Set.of(DayOfWeek.MONDAY), null);
        // Sunday 29 Nov 2026 23:30 in New York is already Monday in UTC.
        LocalDate local = PatientCalendar.today(Instant.parse("2026-11-30T04:30:00Z"), "America/New_York");
        assertEquals(DayOfWeek.SUNDAY, local.getDayOfWeek());
        assertEquals(false, mondays.isDueOn(local));
        assertEquals(true, mondays.isDueOn(local.plusDays(1)));
    }

    @Test
    void weeksRunMondayToSunday() {
        assertEquals(LocalDate.of(2026, 11, 23), PatientCalendar.weekStart(LocalDate.of(2026, 11, 29))); // Sunday
        assertEquals(LocalDate.of(2026, 11, 30), PatientCalendar.weekStart(LocalDate.of(2026, 11, 30))); // Monday
        assertEquals(LocalDate.of(2026, 12, 28), PatientCalendar.weekStart(LocalDate.of(2027, 1, 2)));  // across a year
        assertEquals(3, new Schedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null)
                .sessionsPerWeekPrescribed());
        assertEquals(true, new Schedule(null, 3).isDueOn(LocalDate.of(2026, 11, 29)));
    }

    @Test
    void upcomingChangesListTheDaysTheDosageMoves() {
        List<ProgressionMath.Change> changes = ProgressionMath.changesAfter(item(true), START.plusDays(26), 14, THREE_STEPS);
        assertEquals(List.of(START.plusDays(28), START.plusDays(35)), changes.stream().map(ProgressionMath.Change::from).toList());
        assertEquals(STEP2, changes.get(1).prescription().exerciseId());
    }

    @Test
    void scalingRoundsAndNeverReachesZero() {
        Dosage d = new Dosage(3, 10, 30, 60, null, 2, null, 1);
        Dosage scaled = d.scaled(70);
        assertEquals(7, scaled.reps());
        assertEquals(21, scaled.holdSeconds());
        assertEquals(1, scaled.durationMinutes());
        assertEquals(3, scaled.sets());
        assertEquals(60, scaled.restSeconds());
    }
}
