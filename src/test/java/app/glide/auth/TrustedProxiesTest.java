package app.glide.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void forwardingWithoutTrustedProxiesIsRefused() {
        assertTrue(TrustedProxies.problem(true, List.of()).orElseThrow().contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"));
        assertTrue(TrustedProxies.problem(true, List.of(" ")).isPresent());
    }

    @Test
    void forwardingFromNamedProxiesOrNoForwardingIsFine() {
        assertEquals(Optional.empty(), TrustedProxies.problem(true, List.of("10.0.0.0/8")));
        assertEquals(Optional.empty(), TrustedProxies.problem(false, List.of()));
    }
}
