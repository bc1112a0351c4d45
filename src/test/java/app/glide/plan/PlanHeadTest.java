package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanHeadTest {

    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID CLINIC = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    static PlanHead head(String zone, Instant readAt, PlanViews.StopView stop) {
        return new PlanHead(PLAN, 3, zone, CLINIC, PATIENT, Instant.parse("2026-01-05T09:00:00Z"), stop, readAt);
    }

    @ParameterizedTest(name = "read at {1} in {0}: today is {2}")
    @CsvSource({
            // just before and after midnight in Berlin (UTC+1 in winter)
            "Europe/Berlin, 2026-11-20T22:59:59Z, 2026-11-20",
            "Europe/Berlin, 2026-11-20T23:00:00Z, 2026-11-21",
            // the same instant is still the day before in New York
            "America/New_York, 2026-11-21T03:00:00Z, 2026-11-20",
            // far east: already tomorrow
            "Pacific/Auckland, 2026-11-20T11:00:00Z, 2026-11-21"})
    void todayIsThePatientsDateAtTheInstantTheHeadWasRead(String zone, String readAt, String today) {
        assertEquals(LocalDate.parse(today), head(zone, Instant.parse(readAt), null).today());
    }

    @Test
    void theEtagCarriesPlanRevisionAndThePatientsDate() {
        PlanEtag etag = head("Europe/Berlin", Instant.parse("2026-11-20T23:30:00Z"), null).etag();
        assertEquals(new PlanEtag(PLAN, 3, LocalDate.parse("2026-11-21"), null), etag);
    }

    @Test
    void theEtagChangesWithTheDayAndWithTheStopState() {
        Instant evening = Instant.parse("2026-11-20T21:00:00Z");
        PlanEtag before = head("Europe/Berlin", evening, null).etag();
        PlanEtag nextDay = head("Europe/Berlin", evening.plusSeconds(3 * 3600), null).etag();
        PlanViews.StopView stop = new PlanViews.StopView(PlanViews.StopView.RED_FLAG, evening, "Stop", List.of());
        PlanEtag stopped = head("Europe/Berlin", evening, stop).etag();
        assertNotEquals(before, nextDay);
        assertNotEquals(before, stopped);
        assertEquals("stop-" + stop.fingerprint(), stopped.variant());
    }
}
