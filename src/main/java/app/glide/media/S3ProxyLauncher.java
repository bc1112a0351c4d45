package app.glide.media;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Starts S3Proxy (an S3-compatible server over a folder) for tests and dev mode, by reflection in
 * its own class loader with only the JDK as parent: S3Proxy, jclouds, Guice, Jetty 11 and Guava
 * are never on the application's class path and never in the packaged artifact (S3Proxy is a test
 * dependency; dev mode gets its jars from target/s3proxy.classpath, see {@link DevObjectStore}).
 * The Guice 5 jar ({@code guice-5.1.0-classes}) that Quarkus' test bootstrap (Maven resolver, Sisu)
 * brings is left out: next to jclouds' Guice 7 it made jclouds fail to start.
 */
public record S3ProxyLauncher(URLClassLoader loader, Object proxy, Object context, int port) {

    public static S3ProxyLauncher start(URL[] classPath, Path folder, String bucket, String accessKey, String secretKey,
                                        int port) throws Exception {
        URLClassLoader cl = new URLClassLoader("s3proxy", withoutOldGuice(classPath), ClassLoader.getPlatformClassLoader());
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
            bt.getMethod("endpoint", URI.class).invoke(b, URI.create("http://127.0.0.1:" + port));
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
            return new S3ProxyLauncher(cl, proxy, context, (Integer) s3Proxy.getMethod("getPort").invoke(proxy));
        } finally {
            t.setContextClassLoader(before);
        }
    }

    public void stop() {
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

    private static URL[] withoutOldGuice(URL[] urls) {
        return java.util.Arrays.stream(urls).filter(u -> !isOldGuice(u.getPath())).toArray(URL[]::new);
    }

    /** The JVM's class path (also when Surefire hands it over in a manifest-only jar). */
    public static URL[] jvmClassPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            urls.add(f.toURI().toURL());
            if (f.isFile() && f.getName().endsWith(".jar")) {
                try (JarFile jar = new JarFile(f)) {
                    var manifest = jar.getManifest();
                    String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (more != null) {
                        for (String u : more.trim().split("\\s+")) {
                            urls.add(new URL(f.toURI().toURL(), u));
                        }
                    }
                }
            }
        }
        return urls.toArray(URL[]::new);
    }
}
