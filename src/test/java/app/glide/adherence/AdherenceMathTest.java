package app.glide.adherence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.exercise.Dosage;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Schedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-computed adherence cases. Plain Java. */
class AdherenceMathTest {

    // Monday 2 November 2026; "today" in most cases is Sunday 15 November (two full weeks).
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final Dosage TEN_REPS = new Dosage(1, 10, null, null, null, 1, null, null);

    static PlanItem fixed(DayOfWeek... days) {
        return new PlanItem(UUID.randomUUID(), UUID.randomUUID(), TEN_REPS, MON, new Schedule(EnumSet.of(days[0], days), null),
                null, null, null, null, false);
    }

    static PlanItem flexible(int perWeek) {
        return new PlanItem(UUID.randomUUID(), UUID.randomUUID(), TEN_REPS, MON, new Schedule(null, perWeek), null, null,
                null, null, false);
    }

    static PlanContent plan(PlanItem... items) {
        return new PlanContent("p", null, 100, false, List.of(items));
    }

    static AdherenceMath.Day done(double completion, int pain) {
        return new AdherenceMath.Day(1, completion, pain, 1);
    }

    @Test
    void fixedDaysCountOnePerScheduledDay() {
        PlanContent mwf = plan(fixed(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        assertEquals(1.0, AdherenceMath.expected(mwf, MON));
        assertEquals(0.0, AdherenceMath.expected(mwf, MON.plusDays(1)));
        // Week 2 (9–15 Nov): Mon full, Wed half, Fri skipped; a Tuesday extra does count, capped per day at 1.
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        days.put(MON.plusDays(7), done(1.0, 3));
        days.put(MON.plusDays(9), done(0.5, 3));
        days.put(MON.plusDays(8), new AdherenceMath.Day(2, 1.6, 6, 2)); // two sessions on a Tuesday
        AdherenceMath.Summary s = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(MON, mwf)), days,
                MON.plusDays(13));
        // Expected in the last 7 days (9–15): Mon, Wed, Fri = 3. Done: 1 + min(1, 1.6) + 0.5 = 2.5.
        assertEquals(2.5 / 3, s.adherence7d(), 1e-9);
        // Since the start: expected 6 (two weeks), done 2.5.
        assertEquals(2.5 / 6, s.adherenceAll(), 1e-9);
        assertTrue(s.adherent7d(), "83 % is at least 80 %");
    }

    @Test
    void adherenceIsCappedAtOneHundredPercent() {
        PlanContent monday = plan(fixed(DayOfWeek.MONDAY));
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        for (int d = 7; d < 14; d++) {
            days.put(MON.plusDays(d), done(1.0, 2));
        }
        AdherenceMath.Summary s = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(MON, monday)), days,
                MON.plusDays(13));
        assertEquals(1.0, s.adherence7d());
        assertTrue(s.adherent7d());
    }

    @Test
    void flexibleSchedulesExpectTheirWeeklyNumber() {
        PlanContent three = plan(flexible(3));
        assertEquals(3 / 7.0, AdherenceMath.expected(three, MON), 1e-9);
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        days.put(MON.plusDays(12), done(1.0, 2)); // Saturday
        days.put(MON.plusDays(13), done(1.0, 2)); // Sunday (today, done)
        AdherenceMath.Summary s = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(MON, three)), days,
                MON.plusDays(13));
        // 7 days × 3/7 = 3 expected; 2 done.
        assertEquals(2 / 3.0, s.adherence7d(), 1e-9);
    }

    @Test
    void eachDayCountsAgainstTheRevisionInForceThatDay() {
        // Week 1 daily; from Monday of week 2 only Mondays. Revisions made the same day: the last wins.
        PlanContent daily = plan(fixed(DayOfWeek.values()));
        PlanContent mondays = plan(fixed(DayOfWeek.MONDAY));
        PlanContent typo = plan(fixed(DayOfWeek.TUESDAY));
        List<AdherenceMath.Revision> revisions = List.of(new AdherenceMath.Revision(MON, daily),
                new AdherenceMath.Revision(MON.plusDays(7), typo), new AdherenceMath.Revision(MON.plusDays(7), mondays));
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        for (int d = 0; d < 7; d++) {
            days.put(MON.plusDays(d), done(1.0, 4)); // all of week 1
        }
        days.put(MON.plusDays(7), done(1.0, 4)); // the one Monday of week 2
        AdherenceMath.Summary s = AdherenceMath.summarise(revisions, days, MON.plusDays(13));
        assertEquals(1.0, s.adherence7d());                 // 1 of 1 expected in week 2
        assertEquals(8 / 8.0, s.adherenceAll(), 1e-9);       // 7 + 1 expected, 8 done
        assertEquals(8, s.streakDays(), "Tue–Sun of week 2 had nothing due, so they do not break it");
    }

    @Test
    void pausedItemsAndPausedPlansExpectNothing() {
        PlanItem paused = fixed(DayOfWeek.MONDAY).withPaused(true);
        assertEquals(0.0, AdherenceMath.expected(plan(paused), MON));
        assertEquals(0.0, AdherenceMath.expected(plan(fixed(DayOfWeek.MONDAY)).withPaused(true), MON));
        PlanContent mix = plan(paused, fixed(DayOfWeek.TUESDAY));
        assertEquals(0.0, AdherenceMath.expected(mix, MON));
        assertEquals(1.0, AdherenceMath.expected(mix, MON.plusDays(1)));
        AdherenceMath.Summary s = AdherenceMath.summarise(
                List.of(new AdherenceMath.Revision(MON, plan(paused))), Map.of(), MON.plusDays(13));
        assertNull(s.adherence7d(), "nothing prescribed: no adherence figure rather than 0 %");
    }

    @Test
    void todayCountsOnlyOnceSomethingWasDone() {
        PlanContent daily = plan(fixed(DayOfWeek.values()));
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        for (int d = 0; d < 6; d++) {
            days.put(MON.plusDays(d), done(1.0, 3));
        }
        LocalDate sunday = MON.plusDays(6);
        AdherenceMath.Summary morning = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(MON, daily)), days, sunday);
        assertEquals(1.0, morning.adherence7d(), "Sunday not done yet is not a miss");
        assertEquals(6, morning.streakDays());
        AdherenceMath.Summary nextDay = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(MON, daily)), days,
                sunday.plusDays(1));
        assertEquals(5 / 6.0, nextDay.adherence7d(), 1e-9, "Tue–Sun: Sunday was missed");
        assertEquals(0, nextDay.streakDays(), "a missed due day breaks the streak");
    }

    @Test
    void daysWithDataAndPainTrendUseTheRollUps() {
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        days.put(MON, new AdherenceMath.Day(2, 2, 8, 2));         // first week: pain 4, 4
        days.put(MON.plusDays(3), done(1, 2));                     // first week: pain 2 → baseline (4+4+2)/3
        days.put(MON.plusDays(20), done(1, 6));                    // last 7 days: 6 and 7
        days.put(MON.plusDays(22), done(1, 7));
        AdherenceMath.Summary s = AdherenceMath.summarise(
                List.of(new AdherenceMath.Revision(MON, plan(fixed(DayOfWeek.MONDAY)))), days, MON.plusDays(22));
        assertEquals(10 / 3.0, s.painBaseline(), 1e-9);
        assertEquals(6.5, s.painAvg7d(), 1e-9);
        assertEquals(4, s.daysWithData30());
    }

    @Test
    void aWindowAcrossTheDaylightSavingChangeStillHasSevenDays() {
        // Europe/Berlin: 29 March 2026 is 23 hours long. Adherence counts calendar days.
        LocalDate monday = LocalDate.of(2026, 3, 23);
        PlanContent daily = plan(fixed(DayOfWeek.values()));
        Map<LocalDate, AdherenceMath.Day> days = new HashMap<>();
        for (int d = 0; d < 7; d++) {
            days.put(monday.plusDays(d), done(1.0, 3));
        }
        days.remove(LocalDate.of(2026, 3, 29)); // the short Sunday was missed
        days.put(LocalDate.of(2026, 3, 30), done(1.0, 3)); // and Monday done: 24–30 March, 6 of 7
        AdherenceMath.Summary s = AdherenceMath.summarise(List.of(new AdherenceMath.Revision(monday, daily)), days,
                LocalDate.of(2026, 3, 30));
        assertEquals(6 / 7.0, s.adherence7d(), 1e-9);
    }

    @Test
    void theLocalDateOfASessionComesFromItsOwnOffset() {
        // 23:30 on Sunday in New York is Monday 04:30 UTC: the session counts for Sunday.
        OffsetDateTime start = OffsetDateTime.parse("2026-11-29T23:30:00-05:00");
        assertEquals(LocalDate.of(2026, 11, 29), start.toLocalDate());
        assertEquals(LocalDate.of(2026, 11, 30), start.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        PlanContent sundays = plan(fixed(DayOfWeek.SUNDAY));
        Map<LocalDate, AdherenceMath.Day> days = Map.of(start.toLocalDate(), done(1.0, 3));
        AdherenceMath.Summary s = AdherenceMath.summarise(
                List.of(new AdherenceMath.Revision(LocalDate.of(2026, 11, 23), sundays)), days, LocalDate.of(2026, 11, 30));
        assertEquals(1.0, s.adherence7d());
    }

    @Test
    void doseWeightedCompletion() {
        Dosage prescribed = new Dosage(3, 10, null, null, null, 1, null, null);
        assertEquals(1.0, DoseMath.share(prescribed, null, null, null, null), "ticked done = the whole dose");
        assertEquals(2 / 3.0, DoseMath.share(prescribed, 2, null, null, null), 1e-9);
        assertEquals(0.5, DoseMath.share(prescribed, 3, 5, null, null), 1e-9);
        assertEquals(1.0, DoseMath.share(prescribed, 5, 20, null, null), "more than prescribed is capped");
        Dosage hold = new Dosage(2, 3, 30, null, null, 1, null, null);
        assertEquals(0.5, DoseMath.share(hold, null, null, 15, null), 1e-9);
        Dosage walk = new Dosage(null, null, null, null, null, 1, null, 20);
        assertEquals(0.75, DoseMath.share(walk, null, null, null, 15), 1e-9);
    }
}
