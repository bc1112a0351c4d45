package app.glide.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.exercise.Dosage;
import app.glide.web.ApiProblem;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code _since} parsing and the dose line, without Quarkus. */
class FhirSinceTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void absentIsTheWholeRecordAndAnOffsetIsHonoured() {
        assertNull(FhirSince.parse(null, NOW));
        assertEquals(Instant.parse("2026-11-28T07:00:00Z"), FhirSince.parse("2026-11-28T08:00:00+01:00", NOW));
        assertEquals(NOW, FhirSince.parse("2026-11-28T12:00:00Z", NOW), "now itself is allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-28", "2026-11-28T08:00:00", "2026-02-30T08:00:00Z", "1732780800"})
    void malformedIs400(String value) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> FhirSince.parse(value, NOW));
        assertEquals(400, p.status());
        assertEquals("invalid-since", p.slug());
    }

    @Test
    void theFutureIs422BeyondTheClockSkewBetweenReplicas() {
        ApiProblem p = assertThrows(ApiProblem.class, () -> FhirSince.parse("2026-11-28T12:05:01Z", NOW));
        assertEquals(422, p.status());
        assertEquals("since-in-future", p.slug());
        assertEquals(Instant.parse("2026-11-28T12:04:59Z"), FhirSince.parse("2026-11-28T12:04:59Z", NOW));
    }

    @Test
    void beforeTheDatabasesTimesIsTheWholeRecord() {
        assertEquals(FhirRows.BEGINNING, FhirSince.parse("-5000-01-01T00:00:00Z", NOW));
        assertEquals(FhirRows.BEGINNING, FhirSince.parse("1900-01-01T00:00:00+01:00", NOW));
    }

    @Test
    void aDoseReadsAsOneLine() {
        assertEquals("2 sets × 10 reps, hold 5 s, rest 30 s, both sides, 2 times a day",
                DoseText.of(new Dosage(2, 10, 5, 30, Dosage.Side.BOTH, 2, null, null)));
        assertEquals("10 min", DoseText.of(new Dosage(null, null, null, null, null, null, null, 10)));
        assertEquals("8 reps, load red band", DoseText.of(new Dosage(null, 8, null, null, null, null, "red band", null)));
    }
}
