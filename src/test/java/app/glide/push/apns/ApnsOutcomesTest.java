package app.glide.push.apns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.push.PushSender.Outcome;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApnsOutcomesTest {

    @ParameterizedTest
    @CsvSource({
        "400, BadDeviceToken, DEAD_TOKEN",
        "410, Unregistered, DEAD_TOKEN",
        "410, '', DEAD_TOKEN",
        "400, DeviceTokenNotForTopic, FAILED",
        "400, BadTopic, FAILED",
        "403, InvalidProviderToken, FAILED",
        "403, ExpiredProviderToken, RETRY",
        "413, PayloadTooLarge, FAILED",
        "429, TooManyRequests, RETRY",
        "429, '', RETRY",
        "500, InternalServerError, RETRY",
        "503, ServiceUnavailable, RETRY",
        "503, Shutdown, RETRY",
        "502, '', RETRY",
    })
    void rejections(int status, String reason, Outcome expected) {
        Optional<String> why = reason == null || reason.isEmpty() ? Optional.empty() : Optional.of(reason);
        assertEquals(expected, ApnsOutcomes.of(false, status, why).outcome());
    }

    @ParameterizedTest
    @CsvSource({"200"})
    void accepted(int status) {
        assertEquals(Outcome.SENT, ApnsOutcomes.of(true, status, Optional.empty()).outcome());
    }
}
