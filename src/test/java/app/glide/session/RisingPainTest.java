package app.glide.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.session.RisingPain.Resting;
import app.glide.visit.SorenessWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 7-day resting pain with the sessions inside expected-soreness windows left out. */
class RisingPainTest {

    static final Instant NEEDLED = Instant.parse("2026-11-20T09:00:00Z");
    static final SorenessWindow WINDOW = new SorenessWindow(NEEDLED, NEEDLED.plus(Duration.ofHours(48)), "DRY_NEEDLING",
            UUID.randomUUID());

    @Test
    void sessionsStartedInsideAWindowAreLeftOut() {
        List<Resting> week = List.of(new Resting(NEEDLED.minusSeconds(1), 2), new Resting(NEEDLED, 8),
                new Resting(NEEDLED.plus(Duration.ofHours(47)), 8), new Resting(NEEDLED.plus(Duration.ofHours(48)), 4));
        assertEquals(3.0, RisingPain.meanOutside(week, List.of(WINDOW)), "before and at the end (exclusive) count");
        assertEquals(5.5, RisingPain.meanOutside(week, List.of()), "no window: all");
    }

    @Test
    void noSessionOutsideAWindowMeansNoAverage() {
        assertNull(RisingPain.meanOutside(List.of(new Resting(NEEDLED.plusSeconds(60), 9)), List.of(WINDOW)));
        assertNull(RisingPain.meanOutside(List.of(), List.of(WINDOW)));
    }
}
