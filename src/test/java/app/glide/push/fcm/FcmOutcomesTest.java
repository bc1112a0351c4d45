package app.glide.push.fcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.push.PushSender.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FcmOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200 | {}                                                                   | SENT",
        "404 | {\"error\":{\"details\":[{\"errorCode\":\"UNREGISTERED\"}]}}          | DEAD_TOKEN",
        "400 | {\"error\":{\"details\":[{\"errorCode\":\"UNREGISTERED\"}]}}          | DEAD_TOKEN",
        "404 | {\"error\":{\"status\":\"NOT_FOUND\"}}                               | FAILED",
        "400 | {\"error\":{\"status\":\"INVALID_ARGUMENT\"}}                        | FAILED",
        "400 | {\"error\":{\"details\":[{\"errorCode\":\"SENDER_ID_MISMATCH\"}]}}    | FAILED",
        "401 | {\"error\":{\"status\":\"UNAUTHENTICATED\"}}                         | FAILED",
        "403 | {\"error\":{\"status\":\"PERMISSION_DENIED\"}}                       | FAILED",
        "429 | {\"error\":{\"details\":[{\"errorCode\":\"QUOTA_EXCEEDED\"}]}}        | RETRY",
        "500 | {\"error\":{\"status\":\"INTERNAL\"}}                                | RETRY",
        "503 | not json                                                             | RETRY",
    })
    void statuses(int status, String body, Outcome expected) {
        assertEquals(expected, FcmOutcomes.of(status, body, null, NOW).outcome());
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(30), FcmOutcomes.retryAfter("30", NOW));
        assertEquals(Duration.ofSeconds(90), FcmOutcomes.retryAfter("Sat, 28 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, FcmOutcomes.retryAfter("Sat, 28 Nov 2026 09:00:00 GMT", NOW));
        assertNull(FcmOutcomes.retryAfter("soon", NOW));
        assertNull(FcmOutcomes.retryAfter(null, NOW));
    }
}
