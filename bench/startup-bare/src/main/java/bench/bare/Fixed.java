package bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The fixed-body HTTP ceiling of bench/run.sh (docs/benchmarks.md, "Method", step 6): answers
 * {@code /fixed/<name>} (and {@code /fixed/<name>/<anything>}, GET or PUT) with responses
 * captured from Glide: the status, the headers and the body bytes as Glide sent them, no
 * authentication, no database. A PUT's request body is read and discarded.
 *
 * <p>The responses are read from the directory {@code bench.fixed.dir} (environment
 * {@code BENCH_FIXED_DIR}): {@code <name>/<n>.head} (the raw header block curl -D wrote, status
 * line first) and {@code <name>/<n>.body}. One endpoint may have several captured responses (one
 * per enrolled patient, whose plans differ in size): they are answered in turn, as wrk cycles over
 * the patients. Loaded on the first request of each name, never at startup (this app is also the
 * start-time yardstick of bench/startup.sh).
 */
@Path("/fixed")
public class Fixed {

    /** Set by the server itself (or meaningless for one exchange). */
    private static final Set<String> SKIPPED = Set.of("content-length", "date", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "proxy-authenticate");

    private record Captured(int status, List<String[]> headers, byte[] body) {
    }

    private record Endpoint(Captured[] responses, AtomicLong next) {
        Captured take() {
            return responses[(int) (next.getAndIncrement() % responses.length)];
        }
    }

    private static final Map<String, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return answer(name);
    }

    @GET
    @Path("{name}/{rest: .*}")
    public Response getRest(@PathParam("name") String name) {
        return answer(name);
    }

    @PUT
    @Path("{name}")
    public Response put(@PathParam("name") String name, byte[] discarded) {
        return answer(name);
    }

    @PUT
    @Path("{name}/{rest: .*}")
    public Response putRest(@PathParam("name") String name, byte[] discarded) {
        return answer(name);
    }

    private static Response answer(String name) {
        Captured c = ENDPOINTS.computeIfAbsent(name, Fixed::load).take();
        Response.ResponseBuilder r = Response.status(c.status());
        for (String[] h : c.headers()) {
            r.header(h[0], h[1]);
        }
        if (c.body().length > 0) {
            r.entity(c.body());
        }
        return r.build();
    }

    private static Endpoint load(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new NotFoundException();
        }
        Optional<String> dir = ConfigProvider.getConfig().getOptionalValue("bench.fixed.dir", String.class);
        java.nio.file.Path d = Paths.get(dir.orElseThrow(() -> new NotFoundException("bench.fixed.dir is not set")), name);
        if (!Files.isDirectory(d)) {
            throw new NotFoundException();
        }
        try (Stream<java.nio.file.Path> files = Files.list(d)) {
            List<java.nio.file.Path> heads = files.filter(p -> p.getFileName().toString().endsWith(".head")).sorted().toList();
            if (heads.isEmpty()) {
                throw new NotFoundException();
            }
            List<Captured> all = new ArrayList<>();
            for (java.nio.file.Path head : heads) {
                String base = head.getFileName().toString().replaceFirst("\\.head$", "");
                all.add(parse(Files.readString(head, StandardCharsets.ISO_8859_1),
                        Files.readAllBytes(head.resolveSibling(base + ".body"))));
            }
            return new Endpoint(all.toArray(Captured[]::new), new AtomicLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last header block of curl -D (after a 100 Continue, say): status line, then headers. */
    private static Captured parse(String raw, byte[] body) {
        String[] blocks = raw.split("\r?\n\r?\n");
        String block = "";
        for (String b : blocks) {
            if (!b.isBlank()) {
                block = b;
            }
        }
        String[] lines = block.split("\r?\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String headerName = lines[i].substring(0, colon).trim();
            if (!SKIPPED.contains(headerName.toLowerCase(Locale.ROOT))) {
                headers.add(new String[] {headerName, lines[i].substring(colon + 1).trim()});
            }
        }
        return new Captured(status, List.copyOf(headers), body);
    }
}
