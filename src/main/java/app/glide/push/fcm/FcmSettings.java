package app.glide.push.fcm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach FCM HTTP v1 (docs/push-providers.md). Read from {@code glide.push.fcm.*}
 * (environment {@code GLIDE_PUSH_FCM_*}); absent without a project id or a service account, and
 * then pushes for Android stay in the outbox.
 *
 * @param projectId the Firebase project id
 * @param serviceAccountFile the service account's JSON key file, or
 * @param serviceAccountJson the same JSON given inline (a secret in the environment)
 * @param baseUrl {@code https://fcm.googleapis.com} (a stand-in server in tests)
 * @param tokenUri overrides the key's {@code token_uri} (tests)
 * @param timeout connect and read timeout of one call
 */
public record FcmSettings(String projectId, Optional<Path> serviceAccountFile, Optional<String> serviceAccountJson,
        URI baseUrl, Optional<URI> tokenUri, Duration timeout) {

    static final String PREFIX = "glide.push.fcm.";
    static final URI GOOGLE = URI.create("https://fcm.googleapis.com");

    public static Optional<FcmSettings> from(Config config) {
        Optional<String> projectId = value(config, "project-id");
        Optional<Path> file = value(config, "service-account-file").map(Path::of);
        Optional<String> json = value(config, "service-account-json");
        if (projectId.isEmpty() || (file.isEmpty() && json.isEmpty())) {
            return Optional.empty();
        }
        Duration timeout = config.getOptionalValue(PREFIX + "timeout", Duration.class).orElse(Duration.ofSeconds(10));
        return Optional.of(new FcmSettings(projectId.get(), file, json,
                value(config, "base-url").map(URI::create).orElse(GOOGLE),
                value(config, "token-uri").map(URI::create), timeout));
    }

    /** The service account key's JSON (read from the file each time it is needed: once per replica). */
    String serviceAccount() throws IOException {
        if (serviceAccountJson.isPresent()) {
            return serviceAccountJson.get();
        }
        return Files.readString(serviceAccountFile.orElseThrow());
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(PREFIX + name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
