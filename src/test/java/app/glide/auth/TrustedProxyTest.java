package app.glide.auth;

import static org.hamcrest.Matchers.containsString;

import app.glide.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: with address forwarding on (as behind a load balancer), X-Forwarded-For
 * counts only when the connection comes from a configured proxy. Here the only trusted proxy
 * is an address the test client is not (192.0.2.1, TEST-NET-1), so every request is from
 * 127.0.0.1 whatever header it sends, and rotating the header does not escape the limit.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.ProxyElsewhere.class)
class TrustedProxyTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.1");
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            // A different forged client address each time.
            Api.api(Api.nextClientAddress()).body(Map.of("email", "spray-" + i + "-" + run + "@clinic.example",
                    "password", "wrong password " + i)).post("/v1/auth/login").then().statusCode(401);
        }
        Api.api(Api.nextClientAddress()).body(Map.of("email", "spray-last-" + run + "@clinic.example",
                        "password", "wrong password")).post("/v1/auth/login")
                .then().statusCode(429).body("detail", containsString("network address"));
    }
}
