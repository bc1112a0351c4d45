package app.glide.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Schedule;
import app.glide.reminder.ReminderSchedule.Kind;
import app.glide.reminder.ReminderSchedule.Reminder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reminder schedule in plain Java: plan days, quiet hours, DST changes and a change of zone. */
class ReminderScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID DAILY = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID MON_WED = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static PlanItem item(UUID id, Schedule schedule, boolean paused) {
        return new PlanItem(id, UUID.randomUUID(), null, LocalDate.of(2027, 1, 1), schedule, null, null, null, null, paused);
    }

    static Schedule days(DayOfWeek... d) {
        return new Schedule(EnumSet.of(d[0], d), null);
    }

    static PlanContent plan(PlanItem... items) {
        return new PlanContent("Back plan", null, 100, false, List.of(items));
    }

    static ReminderPreferences prefs(String... times) {
        return new ReminderPreferences(List.of(times).stream().map(LocalTime::parse).toList(), null, null,
                LocalTime.of(8, 0));
    }

    static ReminderSchedule.Input input(ZoneId zone, LocalDate today, ReminderPreferences p, PlanContent plan) {
        return new ReminderSchedule.Input(zone, today, p, plan, null, List.of(), List.of());
    }

    static List<Reminder> sessions(List<Reminder> all) {
        return all.stream().filter(r -> r.kind() == Kind.SESSION).toList();
    }

    static List<OffsetDateTime> times(List<Reminder> all) {
        return all.stream().map(r -> r.at().toOffsetDateTime()).toList();
    }

    @Test
    void springForwardInBerlinShiftsATimeInTheGapAndListsItOnce() {
        LocalDate day = LocalDate.of(2027, 3, 28); // 02:00 CET becomes 03:00 CEST
        PlanContent plan = plan(item(DAILY, new Schedule(null, 3), false));
        List<Reminder> r = sessions(ReminderSchedule.between(input(BERLIN, day, prefs("02:30", "18:00"), plan), day, day));
        assertEquals(List.of(OffsetDateTime.parse("2027-03-28T03:30+02:00"), OffsetDateTime.parse("2027-03-28T18:00+02:00")),
                times(r));
        // 02:00 (in the gap) and 03:00 are the same instant: one reminder.
        r = sessions(ReminderSchedule.between(input(BERLIN, day, prefs("02:00", "03:00"), plan), day, day));
        assertEquals(List.of(OffsetDateTime.parse("2027-03-28T03:00+02:00")), times(r));
        // The day before is still winter time.
        r = sessions(ReminderSchedule.between(input(BERLIN, day, prefs("18:00"), plan), day.minusDays(1), day));
        assertEquals(List.of(OffsetDateTime.parse("2027-03-27T18:00+01:00"), OffsetDateTime.parse("2027-03-28T18:00+02:00")),
                times(r));
    }

    @Test
    void fallBackInBerlinTakesTheEarlierOffsetOnce() {
        LocalDate day = LocalDate.of(2027, 10, 31); // 03:00 CEST becomes 02:00 CET: 02:30 happens twice
        PlanContent plan = plan(item(DAILY, new Schedule(null, 7), false));
        List<Reminder> r = sessions(ReminderSchedule.between(input(BERLIN, day, prefs("02:30", "09:00"), plan), day,
                day.plusDays(1)));
        assertEquals(List.of(OffsetDateTime.parse("2027-10-31T02:30+02:00"), OffsetDateTime.parse("2027-10-31T09:00+01:00"),
                OffsetDateTime.parse("2027-11-01T02:30+01:00"), OffsetDateTime.parse("2027-11-01T09:00+01:00")), times(r));
        assertEquals(LocalDate.of(2027, 10, 31), r.get(1).at().toLocalDate());
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        PlanContent plan = plan(item(DAILY, new Schedule(null, 7), false));
        LocalDate spring = LocalDate.of(2027, 3, 14);
        assertEquals(List.of(OffsetDateTime.parse("2027-03-14T03:15-04:00"), OffsetDateTime.parse("2027-03-14T19:00-04:00")),
                times(sessions(ReminderSchedule.between(input(NEW_YORK, spring, prefs("02:15", "19:00"), plan), spring,
                        spring))));
        LocalDate fall = LocalDate.of(2027, 11, 7);
        assertEquals(List.of(OffsetDateTime.parse("2027-11-07T01:30-04:00"), OffsetDateTime.parse("2027-11-07T19:00-05:00")),
                times(sessions(ReminderSchedule.between(input(NEW_YORK, fall, prefs("01:30", "19:00"), plan), fall, fall))));
    }

    @Test
    void theMorningCheckAcrossTheChangeIsAtTheLocalTimeOfTheNewOffset() {
        LocalDate sat = LocalDate.of(2027, 3, 27);
        PlanContent plan = plan(item(MON_WED, days(DayOfWeek.SATURDAY), false));
        List<Reminder> r = ReminderSchedule.between(input(BERLIN, sat, prefs("18:00"), plan), sat, sat.plusDays(1));
        assertEquals(List.of(OffsetDateTime.parse("2027-03-27T18:00+01:00"), OffsetDateTime.parse("2027-03-28T08:00+02:00")),
                times(r));
        assertEquals(List.of(Kind.SESSION, Kind.MORNING_CHECK), r.stream().map(Reminder::kind).toList());
    }

    @Test
    void aPatientChangingZoneGetsTheSameLocalTimesAtOtherInstants() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        PlanContent plan = plan(item(DAILY, new Schedule(null, 7), false));
        List<Reminder> berlin = sessions(ReminderSchedule.between(input(BERLIN, day, prefs("18:00"), plan), day, day));
        List<Reminder> newYork = sessions(ReminderSchedule.between(input(NEW_YORK, day, prefs("18:00"), plan), day, day));
        assertEquals(LocalTime.of(18, 0), berlin.get(0).at().toLocalTime());
        assertEquals(LocalTime.of(18, 0), newYork.get(0).at().toLocalTime());
        assertEquals(Instant.parse("2027-06-01T16:00:00Z"), berlin.get(0).at().toInstant());
        assertEquals(Instant.parse("2027-06-01T22:00:00Z"), newYork.get(0).at().toInstant());
        // Between the two US changes but across the European one (2027-03-14 .. 03-28): the offset gap is 5 hours.
        LocalDate between = LocalDate.of(2027, 3, 20);
        assertEquals(Instant.parse("2027-03-20T17:00:00Z"),
                sessions(ReminderSchedule.between(input(BERLIN, between, prefs("18:00"), plan), between, between)).get(0).at().toInstant());
        assertEquals(Instant.parse("2027-03-20T22:00:00Z"),
                sessions(ReminderSchedule.between(input(NEW_YORK, between, prefs("18:00"), plan), between, between)).get(0).at().toInstant());
    }

    @Test
    void fixedDaysPausedItemsAndPausedPlans() {
        LocalDate mon = LocalDate.of(2027, 6, 7);
        PlanContent plan = plan(item(MON_WED, days(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), false),
                item(DAILY, days(DayOfWeek.TUESDAY), true));
        List<Reminder> r = ReminderSchedule.between(input(BERLIN, mon, prefs("07:30", "18:00"), plan), mon, mon.plusDays(6));
        assertEquals(List.of("2027-06-07T07:30", "2027-06-07T18:00", "2027-06-08T08:00", "2027-06-09T07:30",
                "2027-06-09T18:00", "2027-06-10T08:00"), r.stream().map(x -> x.at().toLocalDateTime().toString()).toList());
        assertEquals(List.of(MON_WED), r.get(0).itemIds());
        assertEquals(List.of(), ReminderSchedule.between(input(BERLIN, mon, prefs("18:00"), plan.withPaused(true)), mon,
                mon.plusDays(6)));
        assertEquals(List.of(), ReminderSchedule.between(input(BERLIN, mon, prefs("18:00"), null), mon, mon.plusDays(6)));
    }

    @Test
    void theMorningAfterTheDayBeforeTheRangeIsInTheRangeButNotThatDaysSessions() {
        LocalDate tue = LocalDate.of(2027, 6, 8);
        PlanContent plan = plan(item(MON_WED, days(DayOfWeek.MONDAY), false));
        List<Reminder> r = ReminderSchedule.between(input(BERLIN, tue, prefs("18:00"), plan), tue, tue);
        assertEquals(1, r.size());
        assertEquals(Kind.MORNING_CHECK, r.get(0).kind());
    }

    @Test
    void quietHoursDropReminderTimesInsideThemAcrossMidnight() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        ReminderPreferences p = new ReminderPreferences(List.of(LocalTime.of(6, 30), LocalTime.of(12, 0),
                LocalTime.of(22, 30)), new ReminderPreferences.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), null,
                LocalTime.of(8, 0));
        PlanContent plan = plan(item(DAILY, new Schedule(null, 7), false));
        List<Reminder> r = sessions(ReminderSchedule.between(input(BERLIN, day, p, plan), day, day));
        assertEquals(List.of(LocalTime.of(12, 0)), r.stream().map(x -> x.at().toLocalTime()).toList());
        assertTrue(p.quiet(LocalTime.of(0, 0)));
        assertTrue(p.quiet(LocalTime.of(22, 0)));
        assertFalse(p.quiet(LocalTime.of(7, 0)));
        ReminderPreferences.QuietHours noon = new ReminderPreferences.QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertTrue(noon.contains(LocalTime.of(13, 59)));
        assertFalse(noon.contains(LocalTime.of(14, 0)));
        assertFalse(noon.contains(LocalTime.of(11, 59)));
    }

    @Test
    void questionnairesOnTheirDueDayOverdueTodayAndTapesAtWearUntil() {
        LocalDate today = LocalDate.of(2027, 6, 1);
        UUID visit = UUID.randomUUID();
        ReminderSchedule.Input in = new ReminderSchedule.Input(BERLIN, today, prefs("09:00", "18:00"), null, null,
                List.of(new ReminderSchedule.DueQuestionnaire("odi", today.minusDays(10)),
                        new ReminderSchedule.DueQuestionnaire("nprs", today.plusDays(3)),
                        new ReminderSchedule.DueQuestionnaire("psfs", today.plusDays(40))),
                List.of(new ReminderSchedule.Taping(visit, Instant.parse("2027-06-02T17:45:00Z")),
                        new ReminderSchedule.Taping(visit, Instant.parse("2027-07-02T17:45:00Z"))));
        List<Reminder> r = ReminderSchedule.between(in, today, today.plusDays(6));
        assertEquals(List.of("QUESTIONNAIRE odi 2027-06-01T09:00+02:00", "TAPING_REMOVAL null 2027-06-02T19:45+02:00",
                        "QUESTIONNAIRE nprs 2027-06-04T09:00+02:00"),
                r.stream().map(x -> x.kind() + " " + x.instrumentId() + " " + x.at().toOffsetDateTime()).toList());
        assertEquals(visit, r.get(1).visitId());
        // Without reminder times a questionnaire reminds at the morning-check time.
        ReminderSchedule.Input none = new ReminderSchedule.Input(BERLIN, today, prefs(), null, null,
                List.of(new ReminderSchedule.DueQuestionnaire("odi", today)), List.of());
        assertEquals(LocalTime.of(8, 0), ReminderSchedule.between(none, today, today).get(0).at().toLocalTime());
    }

    @Test
    void noSessionBeforeThePlansFirstDay() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        PlanContent plan = plan(item(DAILY, new Schedule(null, 7), false));
        ReminderSchedule.Input in = new ReminderSchedule.Input(BERLIN, day, prefs("18:00"), plan, day.plusDays(2),
                List.of(), List.of());
        assertEquals(LocalDate.of(2027, 6, 3), sessions(ReminderSchedule.between(in, day, day.plusDays(3))).get(0).at()
                .toLocalDate());
    }
}
