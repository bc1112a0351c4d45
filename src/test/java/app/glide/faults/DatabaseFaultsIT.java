package app.glide.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.TestDatabase;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults and contention against a real PostgreSQL that this test owns: its own cluster
 * (initdb into a temporary folder, its own port and socket folder), never the machine's
 * main one. The packaged jar runs against it in the prod profile, as an operator runs it.
 *
 * <ol>
 *   <li>One patient's row locked by another connection: that patient's writes answer 503
 *   {@code try-again} within seconds (lock_timeout, per-patient bulkhead) while every read
 *   for other patients succeeds, and readiness stays UP.</li>
 *   <li>The database stopped: every request answers 503 problem+json with Retry-After
 *   (never 500), readiness goes DOWN without revealing host, port or driver message, no
 *   ERROR is logged and the outage is logged once; the database started again: requests
 *   succeed without restarting the app.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultsIT {

    private static final String PG_BIN = System.getProperty("glide.pg.bin", "/usr/lib/postgresql/15/bin");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString()).build();
    private static final String ADMIN_EMAIL = "faults-admin@clinic.example";
    private static final String PASSWORD = "a long enough admin password";

    private static Path cluster;
    private static int pgPort;
    private static int appPort;
    private static Process app;
    private static Path appLog;
    private static String adminToken;
    private static final List<String> patients = new ArrayList<>();

    @BeforeAll
    static void startDatabaseAndApp() throws Exception {
        cluster = Files.createTempDirectory("glide-faults-pg");
        pgPort = freePort();
        if (isRoot()) {
            run("chown", "postgres:postgres", cluster.toString());
        }
        asPostgres(PG_BIN + "/initdb", "-D", cluster.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync", "--no-instructions");
        startPostgres();
        // As production runs: schema glide belongs to the owner role, which migrates; the service
        // connects as the application role.
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            TestDatabase.ensureRoles(admin);
            admin.createStatement().execute("create schema glide authorization " + TestDatabase.OWNER);
        }

        appPort = freePort();
        appLog = Files.createTempFile("glide-faults-app", ".log");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.APP);
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.APP_PASSWORD);
        env.put("QUARKUS_FLYWAY_USERNAME", TestDatabase.OWNER);
        env.put("QUARKUS_FLYWAY_PASSWORD", TestDatabase.OWNER_PASSWORD);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(appPort));
        env.put("QUARKUS_MANAGEMENT_PORT", "0"); // metrics port (9000 by default): any free one
        env.put("GLIDE_JWT_PRIVATE_KEY_LOCATION", Path.of("config/dev-keys/private.pem").toAbsolutePath().toString());
        env.put("GLIDE_JWT_PUBLIC_KEY_LOCATION", Path.of("config/dev-keys/public.pem").toAbsolutePath().toString());
        env.put("GLIDE_BOOTSTRAP_CLINIC_NAME", "Faults clinic");
        env.put("GLIDE_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("GLIDE_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        env.put("GLIDE_PASSWORD_BCRYPT_COST", "4");
        env.put("GLIDE_MONITORING_EVERY", "off");
        env.put("GLIDE_DB_OUTAGE_QUIET", "1s");
        // The scheduled jobs run every second, so that they surely meet the outage: each must skip
        // quietly (an ERROR every few seconds from a job would drown the one WARN of the outage).
        env.put("GLIDE_PUSH_DELAY", "1s");
        env.put("GLIDE_PUSH_DISPATCH_EVERY", "1s");
        env.put("GLIDE_PUSH_DUE_EVERY", "1s");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-jar", System.getProperty("glide.jar", "target/quarkus-app/quarkus-run.jar"));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(appLog.toFile());
        app = pb.start();
        waitUntil(Duration.ofSeconds(60), () -> get("/q/health/ready", null).statusCode() == 200, "app ready");

        adminToken = login(ADMIN_EMAIL, PASSWORD);
        String therapistEmail = "faults-therapist@clinic.example";
        HttpResponse<String> t = send("POST", "/v1/therapists", adminToken, "{\"email\":\"" + therapistEmail
                + "\",\"displayName\":\"Dr Faults\",\"initialPassword\":\"" + PASSWORD + "\"}");
        assertEquals(201, t.statusCode(), t.body());
        String therapistToken = login(therapistEmail, PASSWORD);
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> p = send("POST", "/v1/patients", therapistToken,
                    "{\"displayName\":\"Patient " + i + "\",\"timeZone\":\"Europe/Berlin\"}");
            assertEquals(201, p.statusCode(), p.body());
            patients.add(JSON.readTree(p.body()).at("/patient/id").asText());
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (cluster != null) {
            try {
                asPostgres(PG_BIN + "/pg_ctl", "-D", cluster.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            } catch (AssertionError | IOException alreadyStopped) {
                // stopped by the test
            }
            try (Stream<Path> files = Files.walk(cluster)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void oneLockedPatientCannotStarveTheOthers() throws Exception {
        long logFrom = Files.size(appLog);
        String hot = patients.get(0);
        List<String> others = patients.subList(1, patients.size());
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try (Connection locker = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (var ps = locker.prepareStatement("select 1 from patient p join app_user a on a.id = p.id where p.id = ?::uuid for update")) {
                ps.setString(1, hot);
                ps.executeQuery().close();
            }
            List<Future<Timed>> writes = new ArrayList<>();
            List<Future<Timed>> reads = new ArrayList<>();
            List<Future<Timed>> ready = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                writes.add(pool.submit(() -> timed(() -> send("PATCH", "/v1/patients/" + hot, adminToken,
                        "{\"displayName\":\"Hot " + n + "\"}"))));
            }
            for (int round = 0; round < 8; round++) {
                for (String other : others) {
                    reads.add(pool.submit(() -> timed(() -> get("/v1/patients/" + other, adminToken))));
                }
                ready.add(pool.submit(() -> timed(() -> get("/q/health/ready", null))));
                Thread.sleep(400);
            }
            for (Future<Timed> r : reads) {
                Timed t = r.get(30, TimeUnit.SECONDS);
                assertEquals(200, t.response.statusCode(), "a read for another patient: " + t.response.body());
            }
            for (Future<Timed> r : ready) {
                assertEquals(200, r.get(30, TimeUnit.SECONDS).response.statusCode(), "readiness stays UP");
            }
            for (Future<Timed> w : writes) {
                Timed t = w.get(30, TimeUnit.SECONDS);
                assertServiceUnavailable(t.response, "PATCH", "/v1/patients/" + hot, "try-again");
                assertTrue(t.millis < 10_000, "the locked patient's write answers within seconds, took " + t.millis + " ms");
            }
        } finally {
            pool.shutdownNow();
        }
        // The lock is gone (the locking connection closed): the patient can be written again.
        HttpResponse<String> after = send("PATCH", "/v1/patients/" + hot, adminToken, "{\"displayName\":\"Hot again\"}");
        assertEquals(200, after.statusCode(), after.body());
        String log = Files.readString(appLog).substring((int) logFrom);
        List<String> loud = log.lines().filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains("ARJUNA012125")).toList();
        assertEquals(List.of(), loud, "no ERROR and no stack trace per lock timeout");
        assertEquals(1, log.lines().filter(l -> l.contains("Database trouble (try-again)")).count(), "one WARN:\n" + log);
    }

    @Test
    @Order(2)
    void theDatabaseGoneAnswers503AndTheAppRecoversByItself() throws Exception {
        String patient = patients.get(1);
        long logFrom = Files.size(appLog);
        assertEquals(200, get("/v1/patients/" + patient, adminToken).statusCode());

        asPostgres(PG_BIN + "/pg_ctl", "-D", cluster.resolve("data").toString(), "-m", "fast", "-w", "stop");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(assertServiceUnavailable(get("/v1/patients/" + patient, adminToken), "GET", "/v1/patients/" + patient, null));
            seen.add(assertServiceUnavailable(send("PATCH", "/v1/patients/" + patient, adminToken,
                    "{\"displayName\":\"Down " + i + "\"}"), "PATCH", "/v1/patients/" + patient, null));
            seen.add(assertServiceUnavailable(get("/v1/patients", adminToken), "GET", "/v1/patients", null));
        }
        assertTrue(seen.contains("database-unavailable"), seen.toString());
        HttpResponse<String> down = get("/q/health/ready", null);
        assertEquals(503, down.statusCode(), down.body());
        JsonNode body = JSON.readTree(down.body());
        assertEquals("DOWN", body.path("status").asText());
        for (String leak : List.of("localhost", "127.0.0.1", Integer.toString(pgPort), "onnection", "PSQL", "refused")) {
            assertFalse(down.body().contains(leak), "readiness reveals '" + leak + "': " + down.body());
        }
        for (JsonNode check : body.path("checks")) {
            assertTrue(check.path("data").isMissingNode(), "no details: " + down.body());
        }

        startPostgres();
        waitUntil(Duration.ofSeconds(20), () -> get("/v1/patients/" + patient, adminToken).statusCode() == 200,
                "requests succeed again without restarting the app");
        waitUntil(Duration.ofSeconds(10), () -> get("/q/health/ready", null).statusCode() == 200, "ready again");
        HttpResponse<String> write = send("PATCH", "/v1/patients/" + patient, adminToken, "{\"displayName\":\"Back\"}");
        assertEquals(200, write.statusCode(), write.body());
        Thread.sleep(1_200); // the outage log's quiet period (GLIDE_DB_OUTAGE_QUIET=1s) ...
        assertEquals(200, get("/v1/patients/" + patient, adminToken).statusCode()); // ... then a success closes it

        String log = Files.readString(appLog).substring((int) logFrom);
        List<String> errors = log.lines().filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
        assertEquals(List.of(), errors, "no ERROR for an expected outage");
        List<String> firsts = log.lines().filter(l -> l.contains("Database trouble (")).toList();
        assertEquals(1, firsts.size(), "one WARN per outage:\n" + String.join("\n", firsts));
        assertTrue(firsts.get(0).contains("\"level\":\"WARN\""), firsts.get(0));
        assertTrue(log.contains("Database trouble over after"), "a summary when it is over:\n" + log);
    }

    // --- helpers -------------------------------------------------------------------------

    /** Asserts a 503 problem with Retry-After that matches the contract; returns its type's slug. */
    private static String assertServiceUnavailable(HttpResponse<String> r, String method, String path, String slug)
            throws IOException {
        assertEquals(503, r.statusCode(), method + " " + path + ": " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        int retryAfter = Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
        JsonNode problem = JSON.readTree(r.body());
        String type = problem.path("type").asText();
        String found = type.substring(type.lastIndexOf('/') + 1);
        if (slug != null) {
            assertEquals(slug, found, r.body());
        } else {
            assertTrue(List.of("database-unavailable", "try-again", "commit-outcome-unknown").contains(found), r.body());
        }
        assertEquals(503, problem.path("status").asInt());
        SimpleResponse.Builder response = SimpleResponse.Builder.status(503).withBody(r.body());
        r.headers().map().forEach((k, v) -> response.withHeader(k, v));
        ValidationReport report = CONTRACT.validateResponse(path, Request.Method.valueOf(method), response.build());
        assertFalse(report.hasErrors(), "the contract has this 503: " + report.getMessages());
        return found;
    }

    private record Timed(HttpResponse<String> response, long millis) {
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private static Timed timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call.call();
        return new Timed(r, (System.nanoTime() - start) / 1_000_000);
    }

    private static String login(String email, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("accessToken").asText();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration limit, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (app != null && !app.isAlive()) {
                throw new AssertionError("the app exited:\n" + Files.readString(appLog));
            }
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + limit + ": " + what + "\n" + (appLog == null ? "" : Files.readString(appLog)));
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres?currentSchema=glide";
    }

    private static void startPostgres() throws Exception {
        Path data = cluster.resolve("data");
        asPostgres(PG_BIN + "/pg_ctl", "-D", data.toString(), "-l", cluster.resolve("postgres.log").toString(), "-w",
                "-o", "-p " + pgPort + " -k " + cluster + " -c listen_addresses=localhost -c fsync=off"
                        + " -c full_page_writes=off -c max_connections=60", "start");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a PostgreSQL tool as the postgres user when this is root (PostgreSQL refuses to run as root). */
    private static void asPostgres(String... command) throws Exception {
        if (isRoot()) {
            String[] full = new String[command.length + 4];
            full[0] = "runuser";
            full[1] = "-u";
            full[2] = "postgres";
            full[3] = "--";
            System.arraycopy(command, 0, full, 4, command.length);
            run(full);
        } else {
            run(command);
        }
    }

    private static void run(String... command) throws Exception {
        Path out = Files.createTempFile("glide-faults-cmd", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        String output = Files.readString(out);
        Files.deleteIfExists(out);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
