package app.glide.push.fcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.glide.push.PushSender;
import app.glide.push.PushSender.Platform;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Both providers are beans the dispatcher can find, and without glide.push.* settings neither is configured. */
@QuarkusTest
class PushProvidersUnconfiguredTest {

    @Inject
    @Any
    Instance<PushSender> senders;

    @Test
    void oneSenderPerPlatformAndNeitherConfiguredWithoutSettings() {
        Map<Platform, Boolean> configured = new TreeMap<>();
        for (PushSender sender : senders) {
            configured.put(sender.platform(), sender.configured());
        }
        assertEquals(Map.of(Platform.APNS, false, Platform.FCM, false), configured);
        assertFalse(senders.stream().anyMatch(PushSender::configured));
    }
}
