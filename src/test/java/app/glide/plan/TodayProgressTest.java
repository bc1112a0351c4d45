package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.plan.TodayProgress.Logged;
import app.glide.plan.TodayProgress.Reported;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TodayProgressTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static Logged on(LocalDate day, boolean checked, Reported... items) {
        return new Logged(UUID.randomUUID(), day.atTime(8, 0).atOffset(ZoneOffset.ofHours(1)), day, List.of(items), checked,
                day.plusDays(1).atTime(4, 0).toInstant(ZoneOffset.ofHours(1)));
    }

    @Test
    void readsTodayTheWeekAndTheUncheckedSessions() {
        Logged sunday = on(WEDNESDAY.minusDays(3), false, new Reported(B, "DONE"));
        Logged monday = on(WEDNESDAY.minusDays(2), false, new Reported(B, "PARTIAL"), new Reported(B, "DONE"));
        Logged tuesday = on(WEDNESDAY.minusDays(1), true, new Reported(B, "SKIPPED"));
        Logged today1 = on(WEDNESDAY, false, new Reported(A, "SKIPPED"), new Reported(B, "PARTIAL"));
        Logged today2 = on(WEDNESDAY, false, new Reported(A, "DONE"));
        TodayProgress p = TodayProgress.of(List.of(sunday, monday, tuesday, today1, today2), WEDNESDAY);
        assertEquals(2, p.sessionsToday());
        assertEquals("DONE", p.statusToday(A));
        assertTrue(p.doneToday(A));
        assertEquals("PARTIAL", p.statusToday(B));
        assertEquals(2, p.doneThisWeek(B), "Monday (once, though listed twice) and today; Sunday is last week");
        assertEquals(1, p.doneThisWeek(A));
        assertEquals(List.of(monday.sessionId(), sunday.sessionId()),
                p.awaitingMorningCheck().stream().map(TodayProgress.AwaitingCheck::sessionId).toList());
        UUID other = UUID.randomUUID();
        assertNull(p.statusToday(other));
        assertFalse(p.doneToday(other));
    }

    @Test
    void readsFromTheEarlierOfMondayAndThreeDaysAgo() {
        assertEquals(LocalDate.of(2026, 11, 22), TodayProgress.since(WEDNESDAY));
        assertEquals(LocalDate.of(2026, 11, 23), TodayProgress.since(LocalDate.of(2026, 11, 29)));
    }
}
