package app.glide.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for the tests, in-process: S3Proxy over a filesystem blobstore in a
 * temporary folder, with SigV4 authentication, so the media code's SDK calls, signatures and
 * presigned URLs are checked by a real implementation of the protocol. The bucket is created here;
 * the application is pointed at it through glide.media.*.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "glide-media-test";
    public static final String ACCESS_KEY = "glide-test-access";
    public static final String SECRET_KEY = "glide-test-secret-key";

    private S3Proxy proxy;
    private BlobStoreContext context;
    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("glide-s3proxy-");
            Properties p = new Properties();
            p.setProperty("jclouds.filesystem.basedir", folder.toString());
            context = ContextBuilder.newBuilder("filesystem").credentials("local", "local").overrides(p)
                    .build(BlobStoreContext.class);
            context.getBlobStore().createContainerInLocation(null, BUCKET);
            proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
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
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            // the run is over either way
        }
        if (context != null) {
            context.close();
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
