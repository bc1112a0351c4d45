package app.glide.auth;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The limits on logins and enrolments count per client address. With address forwarding on
 * (quarkus.http.proxy.proxy-address-forwarding), the address comes from X-Forwarded-For or
 * Forwarded, which any client can send; Quarkus believes them only from the addresses in
 * quarkus.http.proxy.trusted-proxies, and from anyone when that list is empty. So forwarding
 * without a trusted-proxy list refuses to start: otherwise every limit per address could be
 * escaped by sending a new header with each request.
 */
@Startup
@ApplicationScoped
public class TrustedProxies {

    @PostConstruct
    void check() {
        var config = ConfigProvider.getConfig();
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false);
        Optional<List<String>> trusted = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class);
        problem(forwarding, trusted.orElse(List.of())).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
    }

    /** Why this proxy configuration is unsafe, or empty. */
    static Optional<String> problem(boolean forwarding, List<String> trustedProxies) {
        if (forwarding && trustedProxies.stream().allMatch(String::isBlank)) {
            return Optional.of("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies"
                    + " is empty: every client could choose its own address with X-Forwarded-For. Set"
                    + " QUARKUS_HTTP_PROXY_TRUSTED_PROXIES to the load balancer's addresses (IPs or CIDR ranges).");
        }
        return Optional.empty();
    }
}
