package app.glide.push.fcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.glide.push.PushSender.Platform;
import app.glide.push.PushSender;
import app.glide.push.apns.ApnsSender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
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
        // The real senders only: the outbox tests' recording doubles are beans on the test classpath too.
        List<PushSender> real = senders.stream()
                .filter(s -> s instanceof ApnsSender || s instanceof FcmSender).toList();
        for (PushSender sender : real) {
            configured.put(sender.platform(), sender.configured());
        }
        assertEquals(2, real.size(), "one real sender per platform");
        assertEquals(Map.of(Platform.APNS, false, Platform.FCM, false), configured);
        assertFalse(real.stream().anyMatch(PushSender::configured));
    }
}
