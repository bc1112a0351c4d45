package app.glide.push.apns;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach APNs with token-based authentication (docs/push-providers.md). Read from
 * {@code glide.push.apns.*} (environment {@code GLIDE_PUSH_APNS_*}); absent when any of team id,
 * key id, signing key or topic is missing, and then pushes for iOS stay in the outbox.
 *
 * @param teamId Apple developer team id (10 characters)
 * @param keyId id of the APNs auth key
 * @param signingKey the auth key's {@code .p8} file (PKCS#8, EC P-256)
 * @param topic the app's bundle id
 * @param host {@code api.push.apple.com}, {@code api.sandbox.push.apple.com} or a custom host
 * @param port 443 unless a custom server says otherwise
 * @param trustedServerCertificate PEM chain to trust instead of the JDK's roots (tests only)
 * @param timeout how long one send waits for APNs' answer
 */
public record ApnsSettings(String teamId, String keyId, Path signingKey, String topic, String host, int port,
        Optional<Path> trustedServerCertificate, Duration timeout) {

    static final String PREFIX = "glide.push.apns.";

    public static Optional<ApnsSettings> from(Config config) {
        Optional<String> teamId = value(config, "team-id");
        Optional<String> keyId = value(config, "key-id");
        Optional<String> signingKey = value(config, "signing-key");
        Optional<String> topic = value(config, "topic");
        if (teamId.isEmpty() || keyId.isEmpty() || signingKey.isEmpty() || topic.isEmpty()) {
            return Optional.empty();
        }
        String host = hostFor(value(config, "host").orElse("production"));
        int port = value(config, "port").map(Integer::parseInt).orElse(ApnsClientBuilder.DEFAULT_APNS_PORT);
        Duration timeout = config.getOptionalValue(PREFIX + "timeout", Duration.class).orElse(Duration.ofSeconds(10));
        return Optional.of(new ApnsSettings(teamId.get(), keyId.get(), Path.of(signingKey.get()), topic.get(), host,
                port, value(config, "trusted-server-certificate").map(Path::of), timeout));
    }

    /** {@code production} and {@code development} name Apple's two servers; anything else is a host name. */
    static String hostFor(String host) {
        return switch (host) {
            case "production" -> ApnsClientBuilder.PRODUCTION_APNS_HOST;
            case "development", "sandbox" -> ApnsClientBuilder.DEVELOPMENT_APNS_HOST;
            default -> host;
        };
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(PREFIX + name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
