package app.glide.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.web.MetricsLabels;
import org.junit.jupiter.api.Test;

/** The last line of defence for metric labels (plain Java): a uri holding an id is never kept. */
class MetricsLabelsTest {

    @Test
    void templatesAndFixedNamesAreKept() {
        for (String uri : new String[] {"/v1/patients/{patientId}", "/v1/me/sessions/{sessionId}/morning-check",
                "/v1/patients/{patientId}/plan/revisions/{revision}/restore", "NOT_FOUND", "UNKNOWN", "root", "/q/health/ready"}) {
            assertEquals(uri, MetricsLabels.uri(uri));
        }
    }

    @Test
    void rawPathsWithIdsBecomeUnknown() {
        assertEquals("UNKNOWN", MetricsLabels.uri("/v1/patients/95783e32-25bc-435c-a8d4-dddc68c9a55d"));
        assertEquals("UNKNOWN", MetricsLabels.uri("/v1/me/sessions/95783E32-25BC-435C-A8D4-DDDC68C9A55D/x"));
        assertEquals("UNKNOWN", MetricsLabels.uri("/v1/patients/p/plan/revisions/12"));
        assertEquals("UNKNOWN", MetricsLabels.uri("/v1/alerts/123/acknowledge"));
    }
}
