package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanEtagTest {

    static final UUID PLAN = UUID.fromString("5b1f0c4e-8d2a-4f6b-9e3a-1c2d3e4f5a6b");
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    static PlanViews.StopView stop(Instant since, String phone) {
        return PlanViews.StopView.redFlag(since, "Stop and seek care.", phone, "112");
    }

    @Test
    void theStopStateChangesTheEtagSoAnOldOneGetsNo304() {
        PlanEtag normal = new PlanEtag(PLAN, 3, DAY);
        PlanEtag stopped = new PlanEtag(PLAN, 3, DAY, "stop-" + stop(Instant.parse("2026-11-26T08:00:00Z"), null).fingerprint());
        assertNotEquals(normal.header(), stopped.header());
        assertFalse(stopped.matchesAny(normal.header()));
        assertFalse(normal.matchesAny(stopped.header()));
        assertTrue(stopped.matchesAny(stopped.header()));
    }

    @Test
    void aNewRedFlagOrNewContactDetailsGiveANewStopEtag() {
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        String a = stop(t, null).fingerprint();
        assertNotEquals(a, stop(t.plusSeconds(60), null).fingerprint());
        assertNotEquals(a, stop(t, "+49 30 1234567").fingerprint());
        assertTrue(a.equals(stop(t, null).fingerprint()), "stable");
    }

    @Test
    void ifMatchAcceptsTheStopEtagOfTheCurrentRevision() {
        String header = new PlanEtag(PLAN, 3, DAY, "stop-0a1b2c3d").header();
        assertDoesNotThrow(() -> PlanEtag.requireCurrent(header, PLAN, 3));
    }
}
