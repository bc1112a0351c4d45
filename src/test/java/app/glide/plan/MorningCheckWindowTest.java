package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MorningCheckWindowTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "session ended {0} (local day {1}), min {2} h: opens {3}")
    @CsvSource({
            // an evening session: the next local morning comes first
            "2026-11-20T21:30:00Z, 2026-11-20, 6, 2026-11-21T03:30:00Z",
            // a late-night session: six hours after it, not 04:00
            "2026-11-20T22:50:00Z, 2026-11-20, 6, 2026-11-21T04:50:00Z",
            // a morning session: the next morning, not six hours later the same day
            "2026-11-20T07:00:00Z, 2026-11-20, 6, 2026-11-21T03:00:00Z",
            // the clinic asks for no minimum: still the next morning
            "2026-11-20T23:59:00Z, 2026-11-20, 0, 2026-11-21T03:00:00Z",
            // summer time: 04:00 CEST is 02:00 UTC
            "2026-06-10T18:00:00Z, 2026-06-10, 6, 2026-06-11T02:00:00Z"})
    void opensOnTheNextLocalMorningAndNotBeforeTheMinimumTime(String ended, String day, int minHours, String opens) {
        assertEquals(Instant.parse(opens),
                MorningCheckWindow.opensAt(Instant.parse(ended), LocalDate.parse(day), BERLIN, minHours));
    }
}
