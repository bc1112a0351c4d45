package app.glide.push.fcm;

import static org.junit.jupiter.api.Assertions.assertFalse;

import app.glide.push.apns.ApnsSender;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provider settings are known keys of the {@code glide} configuration: setting some of them
 * starts the service (an unknown key under a mapped prefix would fail startup), and a provider
 * missing its required values stays unconfigured, so its pushes stay in the outbox.
 */
@QuarkusTest
@TestProfile(PushProviderSettingsTest.PartlySet.class)
class PushProviderSettingsTest {

    public static class PartlySet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glide.push.apns.team-id", "TEAM123456", "glide.push.fcm.project-id", "glide-demo");
        }
    }

    @Inject
    ApnsSender apns;

    @Inject
    FcmSender fcm;

    @Test
    void partlySetProvidersStartTheServiceAndStayUnconfigured() {
        assertFalse(apns.configured(), "no key id, signing key or topic");
        assertFalse(fcm.configured(), "no service account");
    }
}
