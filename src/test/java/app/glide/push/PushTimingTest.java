package app.glide.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.reminder.ReminderPreferences.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher's time rules: quiet hours in the patient's zone (midnight wrap, DST) and the retry backoff. */
class PushTimingTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void outsideQuietHoursNothingWaits() {
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T12:00", BERLIN), BERLIN, NIGHT));
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T21:59", BERLIN), BERLIN, NIGHT));
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T07:00", BERLIN), BERLIN, NIGHT));
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T03:00", BERLIN), BERLIN, null));
    }

    @Test
    void quietHoursThatWrapMidnightEndTheNextMorning() {
        assertEquals(Optional.of(at("2026-03-11T07:00", BERLIN)),
                PushTiming.quietUntil(at("2026-03-10T22:00", BERLIN), BERLIN, NIGHT));
        assertEquals(Optional.of(at("2026-03-11T07:00", BERLIN)),
                PushTiming.quietUntil(at("2026-03-10T23:30", BERLIN), BERLIN, NIGHT));
        // After midnight they end the same morning.
        assertEquals(Optional.of(at("2026-03-11T07:00", BERLIN)),
                PushTiming.quietUntil(at("2026-03-11T00:10", BERLIN), BERLIN, NIGHT));
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertEquals(Optional.of(at("2026-03-10T15:00", NEW_YORK)),
                PushTiming.quietUntil(at("2026-03-10T13:00", NEW_YORK), NEW_YORK, afternoon));
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T15:00", NEW_YORK), NEW_YORK, afternoon));
        assertEquals(Optional.empty(), PushTiming.quietUntil(at("2026-03-10T12:59", NEW_YORK), NEW_YORK, afternoon));
    }

    @Test
    void theNightTheClocksGoForwardIsAnHourShorter() {
        // Berlin, 29 March 2026: 02:00 becomes 03:00. 22:00 CET to 07:00 CEST is 8 hours.
        Instant start = at("2026-03-28T22:00", BERLIN);
        Instant end = PushTiming.quietUntil(start, BERLIN, NIGHT).orElseThrow();
        assertEquals(at("2026-03-29T07:00", BERLIN), end);
        assertEquals(Duration.ofHours(8), Duration.between(start, end));
        // New York, 8 March 2026.
        Instant ny = at("2026-03-07T23:00", NEW_YORK);
        assertEquals(Duration.ofHours(7), Duration.between(ny, PushTiming.quietUntil(ny, NEW_YORK, NIGHT).orElseThrow()));
    }

    @Test
    void theNightTheClocksGoBackIsAnHourLonger() {
        // Berlin, 25 October 2026: 03:00 becomes 02:00 again.
        Instant start = at("2026-10-24T22:00", BERLIN);
        assertEquals(Duration.ofHours(10), Duration.between(start, PushTiming.quietUntil(start, BERLIN, NIGHT).orElseThrow()));
        // Inside the repeated hour (the second 02:30, UTC 01:30) it is still quiet.
        Instant repeated = Instant.parse("2026-10-25T01:30:00Z");
        assertEquals(Optional.of(at("2026-10-25T07:00", BERLIN)), PushTiming.quietUntil(repeated, BERLIN, NIGHT));
    }

    @Test
    void quietHoursEndingInsideTheSpringGapEndWhenTheClockJumps() {
        QuietHours toGap = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30));
        Instant end = PushTiming.quietUntil(at("2026-03-29T01:00", BERLIN), BERLIN, toGap).orElseThrow();
        // 02:30 does not exist that night; the quiet hours end at 03:30 CEST (01:30 UTC), an hour after 01:00 CET... plus the gap.
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), end);
        assertTrue(end.isAfter(at("2026-03-29T01:00", BERLIN)));
    }

    @Test
    void quietIsTheSameRuleAsTheReminders() {
        assertTrue(PushTiming.quiet(LocalTime.of(23, 0), NIGHT));
        assertTrue(PushTiming.quiet(LocalTime.of(6, 59), NIGHT));
        assertFalse(PushTiming.quiet(LocalTime.of(7, 0), NIGHT));
        assertFalse(PushTiming.quiet(LocalTime.of(3, 0), null));
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), PushTiming.backoff(1, null));
        assertEquals(Duration.ofSeconds(60), PushTiming.backoff(2, null));
        assertEquals(Duration.ofSeconds(120), PushTiming.backoff(3, null));
        assertEquals(Duration.ofSeconds(1920), PushTiming.backoff(7, null));
        assertEquals(Duration.ofHours(1), PushTiming.backoff(8, null));
        assertEquals(Duration.ofHours(1), PushTiming.backoff(40, null));
    }

    @Test
    void backoffHonoursTheProvidersRetryAfter() {
        assertEquals(Duration.ofMinutes(5), PushTiming.backoff(1, Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(120), PushTiming.backoff(3, Duration.ofSeconds(10)));
        assertEquals(Duration.ofHours(2), PushTiming.backoff(9, Duration.ofHours(2)));
    }
}
