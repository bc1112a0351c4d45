package app.glide.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Deflater;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * gzip for bodies made largely of shared reference JSON (the exercises a plan embeds): the
 * shared elements are compressed once, together, at a good level, and kept; per response only
 * the rest is compressed, at the configured level (docs/compression.md). A kept piece is
 * keyed by the elements' JSON texts, so a changed exercise simply makes a new entry. Pieces
 * are reference content (many patients share a combination of exercises, and one patient
 * fetches the same one day after day), bounded in size, and rebuilt on demand on any replica.
 *
 * <p>The elements are kept as one piece, not one piece per element: compressed alone, each
 * exercise could not refer back to the keys and phrases of the others, and a 13.5 KB plan
 * went out as 6.1 KB instead of 3.8 KB (bench/GzipCost.java).
 */
@ApplicationScoped
public class SharedGzip {

    /** Level 6, not 9: as small on plan bodies (bench/GzipCost.java), in less CPU on a miss. */
    private static final int KEPT_LEVEL = 6;
    private static final long MAX_KEPT_BYTES = 16L << 20;

    private final Cache<List<String>, GzipJoin.Kept> pieces = Caffeine.newBuilder()
            .maximumWeight(MAX_KEPT_BYTES)
            .weigher((List<String> key, GzipJoin.Kept kept) -> kept.deflated().length + 128
                    + key.stream().mapToInt(text -> text.length() + 64).sum()) // the key's texts may be its only copy
            .build();

    /** Deflaters for the per-response parts, reused: each holds ~300 KB of native zlib state. */
    private final ArrayBlockingQueue<Deflater> idle = new ArrayBlockingQueue<>(16);

    @Inject
    ResponseCompression.Settings settings;

    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean enabled;

    @Inject
    CurrentVertxRequest request;

    /**
     * Whether the current response, to a request with this {@code Accept-Encoding}, may be
     * compressed here. Not for HEAD (no body to compress). Only over HTTP/1.x: over HTTP/2 Netty reads {@code Content-Encoding} as
     * the coding it is to apply, so a body compressed here would be compressed twice; there
     * the answer goes out plain to Netty, which compresses it whole (as every other JSON body).
     */
    public boolean accepted(String acceptEncoding) {
        if (!enabled || !AcceptEncoding.allowsGzip(acceptEncoding)) {
            return false;
        }
        HttpServerRequest current = request.getCurrent().request();
        return current.version() != HttpVersion.HTTP_2 && current.method() != HttpMethod.HEAD; // HEAD sends no body
    }

    /** Bodies below this size go out plain (the same threshold as every other JSON answer). */
    public boolean worthIt(int bytes) {
        return bytes >= settings.minBytes();
    }

    /**
     * Marks the current response as gzip, its body being {@code gzipBytes} already compressed:
     * Netty then leaves it alone. Set when the headers go out, because Quarkus REST's own
     * compression step clears {@code Content-Encoding} after the resource has answered; and
     * only on a 200 whose length is that body's, so that an error written instead never
     * claims to be gzip.
     */
    public void markGzip(int gzipBytes) {
        RoutingContext ctx = request.getCurrent();
        String length = Integer.toString(gzipBytes);
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            if (ctx.response().getStatusCode() == 200 && length.equals(headers.get(HttpHeaders.CONTENT_LENGTH))) {
                headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        });
    }

    /** The whole body compressed now. */
    public byte[] gzip(byte[] body) {
        return gzip(body, body.length, List.of());
    }

    /**
     * A JSON array's elements, kept compressed, spliced between {@code body[0, at)} and
     * {@code body[at + 1, end)}: the byte at {@code at} stands for the elements.
     */
    public byte[] gzip(byte[] body, int at, List<String> elements) {
        Deflater deflater = idle.poll();
        if (deflater == null) {
            deflater = new Deflater(settings.level(), true);
        }
        try {
            GzipJoin join = new GzipJoin(deflater, body.length / 3);
            join.fresh(body, 0, at);
            if (!elements.isEmpty()) {
                join.kept(pieces.get(elements, SharedGzip::compress));
            }
            if (at < body.length) {
                join.fresh(body, at + 1, body.length - at - 1);
            }
            return join.finish();
        } finally {
            if (!idle.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** The elements as they stand in the array, separated by commas. */
    private static GzipJoin.Kept compress(List<String> elements) {
        return GzipJoin.Kept.of(String.join(",", elements).getBytes(StandardCharsets.UTF_8), KEPT_LEVEL);
    }
}
