package app.glide.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.PackagedApp;
import app.glide.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under load, against the packaged jar in the prod profile (issue 11, item 4):
 * readiness goes DOWN at once while requests are still served for the pre-stop delay, then
 * the listener closes (connections are refused) and what was accepted is answered; the
 * process exits 0 and logs no ERROR (in particular nothing touches the closed
 * EntityManagerFactory). Every request that got a connection gets a complete answer, and
 * every write answered 201 — and only those — is in the database.
 *
 * <p>The clients speak HTTP/1.1 over plain sockets, so that no client library retries a
 * request behind the test's back: a request is either refused at connect (it never
 * reached the service), answered completely, or dropped — and a dropped one fails the
 * test. The clients behave as behind a load balancer: they keep sending after SIGTERM until
 * {@link #BALANCER_DETECTION} after readiness first answered DOWN, then go elsewhere; only
 * the health checks keep coming until the listener closes, and one of those may meet the
 * instant of the close. A client that ignores readiness and sends in the last milliseconds
 * before the close can still be reset (and, seen once in CI, a request accepted in that
 * instant was processed without its answer reaching the client): closing the listener
 * without touching accepted connections needs Vert.x 5's HttpServer.shutdown.
 * {@code -Dglide.it.pre-stop-delay=0s} runs it without the delay.
 */
class GracefulShutdownIT {

    private static final String DB = PackagedApp.DB;
    private static final String SCHEMA = PackagedApp.newSchema();
    private static final Duration PRE_STOP_DELAY = Duration.parse("PT" + System.getProperty("glide.it.pre-stop-delay", "3s")
            .toUpperCase(Locale.ROOT));
    private static final int CLIENTS = 6;
    /**
     * How long the load balancer takes to notice readiness DOWN and stop routing new requests
     * to this instance (probe period × failure threshold; the pre-stop delay is longer).
     */
    private static final Duration BALANCER_DETECTION = Duration.ofSeconds(1);
    /** When the clients' balancer stops routing here: BALANCER_DETECTION after readiness first answered DOWN. */
    private static final AtomicLong ROUTED_AWAY_AT = new AtomicLong(Long.MAX_VALUE);

    enum Kind { ANSWERED, REFUSED, DROPPED }

    record Outcome(String request, long sentAt, long doneAt, Kind kind, int status, String body, String failure) {
    }

    @BeforeAll
    static void createSchema() throws Exception {
        TestDatabase.ensureRoles();
        PackagedApp.sql("create schema " + SCHEMA + " authorization " + TestDatabase.OWNER);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        PackagedApp.sql("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void sigtermUnderLoadDropsNothing() throws Exception {
        int port = PackagedApp.freePort();
        Path log = Files.createTempFile("glide-drain-it", ".log");
        Process app = start(port, log);
        try {
            waitForReady(port, app, log);
            String token = login(port, "admin@drain.example", "a long enough admin password");
            // A therapist and a patient: one client reads the patient's sessions as staff, each
            // read an access record written behind the answer (disclosure/AccessRecorder).
            String therapist = therapist(port, token, "reader@drain.example");
            String patientId = patient(port, therapist);
            String staffRead = "/v1/patients/" + patientId + "/sessions";

            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            AtomicInteger writes = new AtomicInteger();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                threads.add(new Thread(() -> load(port, client == 1 ? therapist : token, client == 1 ? staffRead : null,
                        client, app, outcomes, writes), "load-" + i));
            }
            threads.add(new Thread(() -> readiness(port, app, outcomes), "readiness"));
            threads.forEach(Thread::start);

            Thread.sleep(1500);
            assertTrue(app.supportsNormalTermination(), "destroy() sends SIGTERM here");
            long sigterm = System.nanoTime();
            app.destroy(); // SIGTERM
            assertTrue(app.waitFor(PRE_STOP_DELAY.toSeconds() + 30, TimeUnit.SECONDS), "stops on SIGTERM");
            long exited = System.nanoTime();
            for (Thread t : threads) {
                t.join(30_000);
            }
            String out = Files.readString(log);
            List<Outcome> all = List.copyOf(outcomes);
            String summary = summary(all, sigterm);

            // Every request the balancer routed here was answered completely: requests keep
            // flowing after SIGTERM (readiness is DOWN, the instance still serves) until the
            // balancer notices, and none of them may be lost. Only the balancer's own health
            // checks keep coming until the listener closes; one that meets the very instant of
            // the close can be reset (closing a listening socket resets its backlog), which is
            // what a health check is for.
            List<Outcome> dropped = all.stream().filter(o -> o.kind == Kind.DROPPED
                    && !o.request.startsWith("GET /q/health/ready")).toList();
            assertEquals(List.of(), dropped, "dropped requests\n" + summary + "\n" + tail(out));
            long raced = all.stream().filter(o -> o.kind == Kind.DROPPED).count();
            assertTrue(raced <= 1, "at most one health check can race the close\n" + summary);
            long sent = all.stream().filter(o -> o.kind != Kind.REFUSED).count();
            long answered = all.stream().filter(o -> o.kind == Kind.ANSWERED).count();
            assertEquals(sent, answered + raced, summary);
            for (Outcome o : all) {
                if (o.kind == Kind.ANSWERED && !o.request.startsWith("GET /q/health/ready")) {
                    boolean ok = o.status == 200 || o.status == 201
                            || (o.status == 503 && o.body.contains("https://glide.example/problems/shutting-down"));
                    assertTrue(ok, "unexpected answer " + o + "\n" + summary);
                }
            }

            // Readiness went DOWN at once, and requests were still served while it was.
            long firstDown = all.stream().filter(o -> o.request.startsWith("GET /q/health/ready") && o.kind == Kind.ANSWERED
                    && o.status == 503).mapToLong(Outcome::doneAt).min().orElse(Long.MAX_VALUE);
            assertTrue(firstDown != Long.MAX_VALUE, "readiness never answered 503 after SIGTERM\n" + summary);
            assertTrue(all.stream().anyMatch(o -> o.doneAt == firstDown && o.body.contains("DOWN")), summary);
            assertTrue(firstDown - sigterm < Duration.ofSeconds(1).toNanos(), "readiness DOWN within 1 s of SIGTERM\n" + summary);
            long servedWhileDown = all.stream().filter(o -> o.sentAt > firstDown && o.kind == Kind.ANSWERED
                    && (o.status == 200 || o.status == 201) && !o.request.startsWith("GET /q/health/ready")).count();
            assertTrue(servedWhileDown >= CLIENTS, "requests served while readiness was DOWN: " + servedWhileDown + "\n" + summary);

            // The listener stayed open for the pre-stop delay, then refused connections before the process was gone.
            long firstRefused = all.stream().filter(o -> o.kind == Kind.REFUSED).mapToLong(Outcome::sentAt).min()
                    .orElse(Long.MAX_VALUE);
            assertTrue(firstRefused != Long.MAX_VALUE, "never refused\n" + summary);
            assertTrue(firstRefused - sigterm >= PRE_STOP_DELAY.toNanos() - Duration.ofMillis(100).toNanos(),
                    "refused before the pre-stop delay was over\n" + summary);

            // Writes: exactly those answered 201 are committed.
            Set<String> created = all.stream().filter(o -> o.request.startsWith("POST") && o.status == 201)
                    .map(o -> o.request.substring(o.request.indexOf(' ', 5) + 1)).collect(Collectors.toSet());
            Set<String> stored = new HashSet<>(strings("select email from " + SCHEMA + ".app_user where email like 'drain-%'"));
            assertEquals(created, stored, "writes answered 201 vs committed\n" + summary);
            assertTrue(created.size() > 0, summary);

            // Staff reads: every one answered 200 has its access record, written by the time the
            // process exited (the writer writes what is queued after the last request).
            long staffReads = all.stream().filter(o -> o.request.equals("GET " + staffRead) && o.status == 200).count();
            long records = Long.parseLong(strings("select count(*) from " + SCHEMA + ".patient_access where patient_id = '"
                    + patientId + "'").get(0));
            assertEquals(staffReads, records, "staff reads answered 200 vs access records\n" + summary);
            assertTrue(staffReads > 0, summary);

            assertEquals(0, app.exitValue(), "exit code\n" + tail(out));
            List<String> errors = out.lines().filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains("EntityManagerFactory is closed")
                    || l.contains("\"level\":\"FATAL\"")).toList();
            assertEquals(List.of(), errors, "ERROR lines in the service's log");
            System.out.printf("GracefulShutdownIT: %s; stopped %d ms after SIGTERM%n", summary,
                    TimeUnit.NANOSECONDS.toMillis(exited - sigterm));
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * Access records still queued when SIGTERM comes are written before the process exits: with
     * a 10 s flush interval and no pre-stop delay, the records of staff reads answered just before
     * the signal are still in the writer's queue when the service stops (disclosure/AccessRecorder;
     * checked to fail, 0 records, with its stop observer disabled).
     */
    @Test
    void accessRecordsQueuedAtSigtermAreWrittenBeforeExit() throws Exception {
        int port = PackagedApp.freePort();
        Path log = Files.createTempFile("glide-drain-access-log-it", ".log");
        Process app = start(port, log, Map.of("GLIDE_SHUTDOWN_PRE_STOP_DELAY", "0ms",
                "GLIDE_ACCESS_LOG_FLUSH_INTERVAL", "PT10S"));
        try {
            waitForReady(port, app, log);
            String therapist = therapist(port, login(port, "admin@drain.example", "a long enough admin password"),
                    "flush-reader@drain.example");
            String patientId = patient(port, therapist);
            HttpClient client = HttpClient.newHttpClient();
            int reads = 5;
            for (int i = 0; i < reads; i++) {
                HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v1/patients/" + patientId + "/sessions")).header("Authorization", "Bearer " + therapist).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, read.statusCode(), read.body());
            }
            app.destroy(); // SIGTERM, well within the flush interval after the reads
            assertTrue(app.waitFor(40, TimeUnit.SECONDS), "stops on SIGTERM");
            String out = Files.readString(log);
            assertEquals(0, app.exitValue(), "exit code\n" + tail(out));
            assertEquals(String.valueOf(reads), strings("select count(*) from " + SCHEMA + ".patient_access where patient_id = '"
                    + patientId + "'").get(0), "access records written before exit\n" + tail(out));
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    /** A therapist of the drain clinic, created by the admin; their access token. */
    private static String therapist(int port, String adminToken, String email) throws Exception {
        post(port, adminToken, "/v1/therapists", "{\"email\":\"" + email + "\",\"displayName\":\"Reader\","
                + "\"initialPassword\":\"a long enough password 42\"}");
        return login(port, email, "a long enough password 42");
    }

    /** A patient created by the therapist (on their care team); the patient's id. */
    private static String patient(int port, String therapistToken) throws Exception {
        return field(post(port, therapistToken, "/v1/patients",
                "{\"displayName\":\"Drain Patient\",\"timeZone\":\"Europe/Berlin\"}"), "id");
    }

    // --- load ----------------------------------------------------------------------

    private static void load(int port, String token, String staffRead, int client, Process app, List<Outcome> outcomes,
                             AtomicInteger writes) {
        RawHttp http = new RawHttp(port);
        int n = 0;
        try {
            while (app.isAlive()) {
                if (System.nanoTime() >= ROUTED_AWAY_AT.get()) {
                    sleep(20); // the balancer routes this client's requests to other replicas now
                    continue;
                }
                Outcome o;
                if (client == 0 && n % 2 == 0) {
                    String email = "drain-" + writes.incrementAndGet() + "@clinic.example";
                    o = http.send("POST", "/v1/therapists", token, "{\"email\":\"" + email
                            + "\",\"displayName\":\"Drain " + n + "\",\"initialPassword\":\"a long enough password 42\"}", email);
                } else if (staffRead != null) {
                    o = http.send("GET", staffRead, token, null, null);
                } else {
                    String path = switch (n % 3) {
                        case 0 -> "/q/health/live";
                        case 1 -> "/v1/me";
                        default -> "/v1/therapists?limit=5";
                    };
                    o = http.send("GET", path, path.startsWith("/q/") ? null : token, null, null);
                }
                outcomes.add(o);
                n++;
                if (o.kind != Kind.ANSWERED) {
                    sleep(20);
                }
            }
        } finally {
            http.close();
        }
    }

    private static void readiness(int port, Process app, List<Outcome> outcomes) {
        RawHttp http = new RawHttp(port);
        while (app.isAlive()) {
            Outcome o = http.send("GET", "/q/health/ready", null, null, null);
            outcomes.add(o);
            if (o.kind == Kind.ANSWERED && o.status == 503) {
                ROUTED_AWAY_AT.compareAndSet(Long.MAX_VALUE, System.nanoTime() + BALANCER_DETECTION.toNanos());
            }
            http.close(); // a fresh connection per probe, as a balancer's health check
            sleep(50);
        }
    }

    /** HTTP/1.1 with keep-alive over a plain socket; no retries, no pooling beyond one connection. */
    static final class RawHttp {
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        RawHttp(int port) {
            this.port = port;
        }

        Outcome send(String method, String path, String token, String body, String tag) {
            String request = method + " " + path + (tag == null ? "" : " " + tag);
            long sentAt = System.nanoTime();
            if (socket == null) {
                try {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    s.setSoTimeout(30_000);
                    socket = s;
                    in = s.getInputStream();
                    out = s.getOutputStream();
                } catch (ConnectException refused) {
                    return new Outcome(request, sentAt, System.nanoTime(), Kind.REFUSED, 0, "", refused.toString());
                } catch (IOException e) {
                    return new Outcome(request, sentAt, System.nanoTime(), Kind.DROPPED, 0, "", "connect: " + e);
                }
            }
            try {
                byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
                if (token != null) {
                    head.append("Authorization: Bearer ").append(token).append("\r\n");
                }
                if (body != null) {
                    head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
                }
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.flush();
                String status = line();
                if (status == null) {
                    throw new IOException("connection closed without an answer");
                }
                Map<String, String> headers = new HashMap<>();
                for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                String text = new String(body(headers), StandardCharsets.UTF_8);
                if ("close".equalsIgnoreCase(headers.get("connection"))) {
                    close();
                }
                return new Outcome(request, sentAt, System.nanoTime(), Kind.ANSWERED,
                        Integer.parseInt(status.split(" ")[1]), text, null);
            } catch (IOException | RuntimeException e) {
                close();
                return new Outcome(request, sentAt, System.nanoTime(), Kind.DROPPED, 0, "", e.toString());
            }
        }

        private byte[] body(Map<String, String> headers) throws IOException {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                while (true) {
                    String size = line();
                    if (size == null) {
                        throw new IOException("connection closed in a chunked body");
                    }
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        while (true) {
                            String trailer = line();
                            if (trailer == null || trailer.isEmpty()) {
                                return all.toByteArray();
                            }
                        }
                    }
                    all.write(exactly(n));
                    line();
                }
            }
            String length = headers.get("content-length");
            return length == null ? new byte[0] : exactly(Integer.parseInt(length));
        }

        private byte[] exactly(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new IOException("connection closed after " + b.length + " of " + n + " body bytes");
            }
            return b;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            if (b.size() > 0) {
                throw new IOException("connection closed in the middle of a line");
            }
            return null;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    // --- helpers -------------------------------------------------------------------

    private static String summary(List<Outcome> all, long sigterm) {
        Map<String, Long> byKind = all.stream().collect(Collectors.groupingBy(
                o -> o.kind + (o.kind == Kind.ANSWERED ? " " + o.status : ""), TreeMap::new, Collectors.counting()));
        long before = all.stream().filter(o -> o.sentAt < sigterm).count();
        String firstDropped = all.stream().filter(o -> o.kind == Kind.DROPPED).limit(5)
                .map(o -> String.format("%s at +%d ms, failed at +%d ms: %s", o.request,
                        TimeUnit.NANOSECONDS.toMillis(o.sentAt - sigterm), TimeUnit.NANOSECONDS.toMillis(o.doneAt - sigterm),
                        o.failure))
                .collect(Collectors.joining("; "));
        String firstRefused = all.stream().filter(o -> o.kind == Kind.REFUSED).mapToLong(Outcome::sentAt).min()
                .stream().mapToObj(t -> "+" + TimeUnit.NANOSECONDS.toMillis(t - sigterm) + " ms").findFirst().orElse("never");
        String firstDown = all.stream().filter(o -> o.request.startsWith("GET /q/health/ready") && o.status == 503)
                .mapToLong(Outcome::doneAt).min().stream()
                .mapToObj(t -> "+" + TimeUnit.NANOSECONDS.toMillis(t - sigterm) + " ms").findFirst().orElse("never");
        return String.format("%d requests (%d before SIGTERM): %s; readiness 503 first at %s; first refused at %s%s",
                all.size(), before, byKind, firstDown, firstRefused,
                firstDropped.isEmpty() ? "" : "; dropped: " + firstDropped);
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Process start(int port, Path log) throws IOException {
        return start(port, log, Map.of());
    }

    private static Process start(int port, Path log, Map<String, String> settings) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-jar", System.getProperty("glide.jar", "target/quarkus-app/quarkus-run.jar"));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        Map<String, String> env = pb.environment();
        env.putAll(PackagedApp.environment(SCHEMA, port, "Drain clinic", "admin@drain.example"));
        env.put("GLIDE_PASSWORD_BCRYPT_COST", "4");
        env.put("GLIDE_SHUTDOWN_PRE_STOP_DELAY", PRE_STOP_DELAY.toMillis() + "ms");
        // The monitoring job runs every second, so it is due while the service stops.
        env.put("GLIDE_MONITORING_EVERY", "1s");
        env.put("GLIDE_MONITORING_DELAY", "1s");
        env.putAll(settings);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static String login(int port, String email, String password) throws Exception {
        return field(post(port, null, "/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                "accessToken");
    }

    /** A setup request before the load: must answer 200 or 201; its body. */
    private static String post(int port, String token, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 201, path + ": " + answer.body());
        return answer.body();
    }

    /** The first string member {@code name} of a JSON body. */
    private static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertTrue(m.find(), name + " in " + body);
        return m.group(1);
    }

    private static void waitForReady(int port, Process app, Path log) throws Exception {
        RawHttp http = new RawHttp(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("exited early:\n" + Files.readString(log));
            }
            Outcome o = http.send("GET", "/q/health/ready", null, null, null);
            http.close();
            if (o.kind == Kind.ANSWERED && o.status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready in 60 s:\n" + Files.readString(log));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> strings(String query) throws Exception {
        List<String> result = new ArrayList<>();
        try (var c = DriverManager.getConnection(DB, "postgres", "postgres");
             var rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
