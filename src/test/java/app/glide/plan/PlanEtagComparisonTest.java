package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.web.ApiProblem;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanEtagComparisonTest {

    static final UUID PLAN = UUID.fromString("5b1f0c4e-8d2a-4f6b-9e3a-1c2d3e4f5a6b");
    static final PlanEtag ETAG = new PlanEtag(PLAN, 3, LocalDate.of(2026, 11, 26));
    static final String TAG = "\"5b1f0c4e-8d2a-4f6b-9e3a-1c2d3e4f5a6b.3.20261126\"";

    @Test
    void ifNoneMatchUsesTheWeakComparison() {
        assertEquals(TAG, ETAG.header());
        assertTrue(ETAG.matchesAny(TAG));
        assertTrue(ETAG.matchesAny("W/" + TAG));
        assertTrue(ETAG.matchesAny("\"a\", W/" + TAG));
        assertTrue(ETAG.matchesAny("W/\"a\",  " + TAG + " "));
        assertTrue(ETAG.matchesAny("*"));
        assertFalse(ETAG.matchesAny(null));
        assertFalse(ETAG.matchesAny(""));
        assertFalse(ETAG.matchesAny("\"a\", W/\"b\""));
        assertFalse(ETAG.matchesAny("W/"));
        assertFalse(ETAG.matchesAny(TAG.replace(".3.", ".2.")));
        assertFalse(ETAG.matchesAny("w/" + TAG), "the weakness indicator is case-sensitive");
    }

    @Test
    void ifMatchUsesTheStrongComparison() {
        PlanEtag.requireCurrent(TAG, PLAN, 3);
        PlanEtag.requireCurrent("\"a\", " + TAG, PLAN, 3);
        assertEquals(428, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent("*", PLAN, 3)).status(),
                "any version is not a version the writer has seen");
        // Yesterday's tag of the same revision still allows the write (only plan and revision are compared).
        PlanEtag.requireCurrent(TAG.replace("20261126", "20261125"), PLAN, 3);
        assertEquals(412, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent("W/" + TAG, PLAN, 3)).status());
        assertEquals(412, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent(TAG, PLAN, 4)).status());
        assertEquals(428, assertThrows(ApiProblem.class, () -> PlanEtag.requireCurrent(" ", PLAN, 3)).status());
    }
}
