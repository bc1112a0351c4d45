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
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.File;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the tests, in-process: S3Proxy over a filesystem blobstore in a
 * temporary folder, with SigV4 authentication, so the media code's SDK calls, signatures and
 * presigned URLs are checked by a real implementation of the protocol. The bucket is created here;
 * the application is pointed at it through glide.media.*.
 *
 * <p>S3Proxy runs in its own class loader over the test class path, with only the JDK as parent,
 * and without the Guice 5 ({@code guice-5.1.0-classes.jar}, javax.inject) that Quarkus' test
 * bootstrap (Maven resolver, Sisu) puts on the test class path before jclouds' Guice 7: with both,
 * jclouds fails to start. Isolated, nothing of it (Guice, jclouds, Jetty 11, Guava) meets the application.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "glide-media-test";
    public static final String ACCESS_KEY = "glide-test-access";
    public static final String SECRET_KEY = "glide-test-secret-key";

    private Isolated proxy;
    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("glide-s3proxy-");
            proxy = Isolated.start(folder, BUCKET, ACCESS_KEY, SECRET_KEY);
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

    /** S3Proxy started through reflection in an isolated class loader. */
    record Isolated(URLClassLoader loader, Object proxy, Object context, int port) {

        static Isolated start(Path folder, String bucket, String accessKey, String secretKey) throws Exception {
            URLClassLoader cl = new URLClassLoader("s3proxy", classPath(), ClassLoader.getPlatformClassLoader());
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(cl);
            try {
                Properties p = new Properties();
                p.setProperty("jclouds.filesystem.basedir", folder.toString());
                Class<?> cb = cl.loadClass("org.jclouds.ContextBuilder");
                Object builder = cb.getMethod("newBuilder", String.class).invoke(null, "filesystem");
                builder = cb.getMethod("credentials", String.class, String.class).invoke(builder, "local", "local");
                builder = cb.getMethod("overrides", Properties.class).invoke(builder, p);
                Class<?> contextType = cl.loadClass("org.jclouds.blobstore.BlobStoreContext");
                Object context = cb.getMethod("build", Class.class).invoke(builder, contextType);
                Object blobStore = contextType.getMethod("getBlobStore").invoke(context);
                Class<?> blobStoreType = cl.loadClass("org.jclouds.blobstore.BlobStore");
                blobStoreType.getMethod("createContainerInLocation", cl.loadClass("org.jclouds.domain.Location"), String.class)
                        .invoke(blobStore, null, bucket);
                Class<?> s3Proxy = cl.loadClass("org.gaul.s3proxy.S3Proxy");
                Object b = s3Proxy.getMethod("builder").invoke(null);
                Class<?> bt = b.getClass();
                bt.getMethod("blobStore", blobStoreType).invoke(b, blobStore);
                bt.getMethod("endpoint", URI.class).invoke(b, URI.create("http://127.0.0.1:0"));
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object v4 = Enum.valueOf((Class) cl.loadClass("org.gaul.s3proxy.AuthenticationType"), "AWS_V2_OR_V4");
                bt.getMethod("awsAuthentication", v4.getClass(), String.class, String.class).invoke(b, v4, accessKey, secretKey);
                // S3Proxy does not know x-amz-checksum-sha256 (501 otherwise): it is still signed and
                // checked as part of the signature here; AWS S3 and MinIO also check the body against it.
                bt.getMethod("ignoreUnknownHeaders", boolean.class).invoke(b, true);
                Object proxy = bt.getMethod("build").invoke(b);
                s3Proxy.getMethod("start").invoke(proxy);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!"STARTED".equals(s3Proxy.getMethod("getState").invoke(proxy)) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                return new Isolated(cl, proxy, context, (Integer) s3Proxy.getMethod("getPort").invoke(proxy));
            } finally {
                t.setContextClassLoader(before);
            }
        }

        void stop() {
            try {
                proxy.getClass().getMethod("stop").invoke(proxy);
                context.getClass().getMethod("close").invoke(context);
                loader.close();
            } catch (Exception e) {
                // the run is over either way
            }
        }

        private static boolean isOldGuice(String path) {
            return path.contains("guice-") && !path.contains("guice-7") && !path.contains("guice-assistedinject-7");
        }

        /** The test class path (also when Surefire hands it over in a manifest-only jar). */
        private static URL[] classPath() throws IOException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                File f = new File(entry);
                if (isOldGuice(f.getPath())) {
                    continue;
                }
                urls.add(f.toURI().toURL());
                if (f.isFile() && f.getName().endsWith(".jar")) {
                    try (JarFile jar = new JarFile(f)) {
                        var manifest = jar.getManifest();
                        String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                        if (more != null) {
                            for (String u : more.trim().split("\\s+")) {
                                if (!isOldGuice(u)) {
                                    urls.add(new URL(f.toURI().toURL(), u));
                                }
                            }
                        }
                    }
                }
            }
            return urls.toArray(URL[]::new);
        }
    }
}
