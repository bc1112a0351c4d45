package app.glide.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionClockTest {

    @ParameterizedTest(name = "{0} for a patient in {1}: offset {2}, local date {3}")
    @CsvSource({
            // an explicit offset is the phone's local time, wherever the patient lives
            "2026-11-20T21:00:00-05:00, Europe/Berlin, -05:00, 2026-11-20",
            "2026-11-21T00:30:00+14:00, America/New_York, +14:00, 2026-11-21",
            // UTC is taken in the patient's zone: New York's evening, not the next UTC day
            "2026-11-21T02:00:00Z, America/New_York, -05:00, 2026-11-20",
            "2026-06-21T02:00:00Z, America/New_York, -04:00, 2026-06-20",
            "2026-11-21T02:00:00+00:00, America/New_York, -05:00, 2026-11-20",
            // a patient whose zone is at +00:00 then gets the same answer either way
            "2026-11-21T02:00:00Z, Europe/London, Z, 2026-11-21",
            "2026-06-21T23:30:00Z, Europe/London, +01:00, 2026-06-22"})
    void anExplicitOffsetIsThePhonesAndUtcIsThePatientsZone(String sent, String zone, String offset, String date) {
        OffsetDateTime startedAt = OffsetDateTime.parse(sent);
        ZoneOffset chosen = SessionClock.localOffset(startedAt, ZoneId.of(zone));
        assertEquals(ZoneOffset.of(offset), chosen);
        assertEquals(date, startedAt.withOffsetSameInstant(chosen).toLocalDate().toString());
    }
}
