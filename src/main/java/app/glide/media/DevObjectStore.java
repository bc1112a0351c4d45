package app.glide.media;

import app.glide.config.GlideConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): an in-process S3-compatible server (S3Proxy) over
 * {@code target/dev-media}, at the %dev endpoint of application.properties, so uploads and the
 * plan's media manifest work with nothing installed. Its jars come from {@code
 * target/s3proxy.classpath}, which the build writes (maven-dependency-plugin, test scope) and
 * which is never packaged; S3Proxy is started in its own class loader ({@link S3ProxyLauncher}).
 * Without that file, media is switched off in dev mode and a warning says how to get it.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevObjectStore {

    private static final Logger LOG = Logger.getLogger(DevObjectStore.class);
    static final Path CLASSPATH = Path.of("target", "s3proxy.classpath");

    @Inject
    GlideConfig config;

    private S3ProxyLauncher server;

    void start(@Observes StartupEvent event) {
        GlideConfig.Media m = config.media();
        if (m.endpoint().isEmpty() || m.bucket().isEmpty()) {
            return;
        }
        if (!Files.isReadable(CLASSPATH)) {
            LOG.warnf("Dev media store not started: %s is missing (run ./mvnw generate-resources once)", CLASSPATH);
            return;
        }
        try {
            URL[] jars = Arrays.stream(Files.readString(CLASSPATH).strip().split(java.io.File.pathSeparator))
                    .map(DevObjectStore::url).toArray(URL[]::new);
            Path folder = Files.createDirectories(Path.of("target", "dev-media"));
            Files.createDirectories(folder.resolve(m.bucket().orElseThrow()));
            server = S3ProxyLauncher.start(jars, folder, m.bucket().orElseThrow(), m.accessKey().orElse(""),
                    m.secretKey().orElse(""), URI.create(m.endpoint().orElseThrow()).getPort());
            LOG.infof("Dev media store (S3Proxy) at %s, bucket %s, files in %s", m.endpoint().orElseThrow(),
                    m.bucket().orElseThrow(), folder.toAbsolutePath());
        } catch (Exception e) {
            LOG.warnf("Dev media store not started: %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop();
        }
    }

    private static URL url(String path) {
        try {
            return Path.of(path).toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
