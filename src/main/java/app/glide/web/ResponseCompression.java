package app.glide.web;

import app.glide.config.ConfigRanges;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * gzip for JSON bodies when the phone asks for it (docs/compression.md). Quarkus decides
 * which responses may be compressed ({@code quarkus.http.enable-compression},
 * {@code quarkus.http.compress-media-types=application/json,application/fhir+json}: not problem+json) and Netty
 * compresses on the event loop when the request says {@code Accept-Encoding: gzip}. This
 * class adds what Quarkus does not offer:
 * <ul>
 * <li>the gzip level at run time ({@code glide.compression.level}; Quarkus fixes
 * {@code quarkus.http.compression-level} at build time, so the benchmark could not compare
 * levels in one run);
 * <li>a size threshold ({@code glide.compression.min-bytes}): a body with a smaller
 * {@code Content-Length} goes out as it is, since a few hundred bytes gain nothing worth a
 * compressor's set-up;
 * <li>{@code Vary: Accept-Encoding} on every JSON answer and every 304, merged into a
 * {@code Vary} a resource already set (the plan's {@code Accept-Language}), so that a cache
 * between the phone and us never hands a gzip body to a client that did not ask for one.
 * </ul>
 */
@ApplicationScoped
public class ResponseCompression implements HttpServerOptionsCustomizer {

    /** Settings of the response compression; environment GLIDE_COMPRESSION_LEVEL, GLIDE_COMPRESSION_MIN_BYTES. */
    @ConfigMapping(prefix = "glide.compression")
    public interface Settings {
        /** gzip (and deflate) level, 1 (fastest) to 9 (smallest). */
        @WithDefault("1")
        int level();

        /** Bodies with a Content-Length below this are never compressed. */
        @WithDefault("1024")
        int minBytes();
    }

    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    @Inject
    Settings settings;

    /** Without it Netty has no compressor: nothing to vary, and nobody would drop an identity header. */
    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean enabled;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        useLevel(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        useLevel(options);
    }

    private void useLevel(HttpServerOptions options) {
        if (!options.isCompressionSupported()) {
            return;
        }
        int level = settings.level();
        options.setCompressionLevel(level);
        options.setCompressors(List.of(StandardCompressionOptions.gzip(level, 15, 8),
                StandardCompressionOptions.deflate(level, 15, 8)));
    }

    /** Refuses the start when a setting is out of range (plain Java: config/ConfigRanges says why). */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        new ConfigRanges()
                .check("glide.compression.level", settings.level(), 1, 9)
                .atLeast("glide.compression.min-bytes", settings.minBytes(), 0)
                .require();
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 103).handler(this::onHeadersEnd); // after SecurityHeaders
    }

    private void onHeadersEnd(RoutingContext ctx) {
        int minBytes = settings.minBytes();
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            boolean json = isJson(headers.get("Content-Type"));
            if (json || ctx.response().getStatusCode() == 304) {
                headers.set("Vary", withAcceptEncoding(headers.getAll("Vary")));
            }
            if (json && !headers.contains("Content-Encoding") && isSmall(headers.get("Content-Length"), minBytes)) {
                headers.set("Content-Encoding", "identity"); // Netty leaves it alone and drops this header
            }
        });
        ctx.next();
    }

    /** JSON we compress: the API's own, and FHIR's (a patient's Bundle can be large); never problem+json. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json") || type.equalsIgnoreCase("application/fhir+json");
    }

    static boolean isSmall(String contentLength, int minBytes) {
        if (contentLength == null) {
            return false; // streamed: size unknown, compress if asked
        }
        try {
            return Long.parseLong(contentLength.trim()) < minBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One Vary value listing what was there and Accept-Encoding, once. */
    static String withAcceptEncoding(List<String> vary) {
        StringBuilder merged = new StringBuilder();
        boolean present = false;
        for (String value : vary) {
            for (String name : value.split(",")) {
                String n = name.trim();
                if (n.isEmpty()) {
                    continue;
                }
                present |= n.equalsIgnoreCase(ACCEPT_ENCODING) || n.equals("*");
                merged.append(merged.isEmpty() ? "" : ", ").append(n);
            }
        }
        return present ? merged.toString() : merged.append(merged.isEmpty() ? "" : ", ").append(ACCEPT_ENCODING).toString();
    }
}
