package app.glide.testing;

import app.glide.media.S3ProxyLauncher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the tests, in-process: S3Proxy over a filesystem blobstore in a
 * temporary folder, with SigV4 authentication, so the media code's SDK calls, signatures and
 * presigned URLs are checked by a real implementation of the protocol. The bucket is created here;
 * the application is pointed at it through glide.media.*.
 *
 * <p>S3Proxy runs in its own class loader (media/S3ProxyLauncher).
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "glide-media-test";
    public static final String ACCESS_KEY = "glide-test-access";
    public static final String SECRET_KEY = "glide-test-secret-key";

    private S3ProxyLauncher proxy;
    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("glide-s3proxy-");
            proxy = S3ProxyLauncher.start(S3ProxyLauncher.jvmClassPath(), folder, BUCKET, ACCESS_KEY, SECRET_KEY, 0);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
        String endpoint = "http://127.0.0.1:" + proxy.port();
        return Map.of(
                "glide.media.endpoint", endpoint,
                "glide.media.bucket", BUCKET,
                "glide.media.access-key", ACCESS_KEY,
                "glide.media.secret-key", SECRET_KEY,
                "glide.media.region", "us-east-1",
                "glide.media.path-style", "true");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
