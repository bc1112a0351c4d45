package app.glide.ops;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.outsideContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.web.LatencyHistograms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 6: the alert rules (deploy/observability/prometheus-rules.yaml) and the
 * dashboard (deploy/observability/grafana-dashboard.json) query only what the service exposes.
 * After a plan read, a session upload and a 500, every metric name in their expressions is on
 * /q/metrics, and every route their latency queries name has histogram buckets there. A
 * renamed metric or route fails here instead of leaving a silent alert.
 */
@QuarkusTest
class ObservabilityDefinitionsTest {

    static final Path RULES = Path.of("deploy/observability/prometheus-rules.yaml");
    static final Path DASHBOARD = Path.of("deploy/observability/grafana-dashboard.json");

    @Inject
    TestData data;

    @Inject
    LatencyHistograms.Settings histograms;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    // --- the expressions -----------------------------------------------------------

    static List<String> ruleExpressions() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                exprs.add(rule.get("expr").asText());
            }
        }
        return exprs;
    }

    static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.get("expr").asText());
            }
        }
        return exprs;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    /** The metric names a PromQL expression selects (not functions, labels, keywords or Grafana variables). */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        s = BRACES.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String rest = s.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1)); // 1e3, 0x1f
            if (!function && !number && !KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static final Pattern SELECTOR = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{((?:[^{}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)}");
    private static final Pattern EQ_MATCHER = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    /** Each selector's metric name with its equality matchers (method="GET", uri="/v1/me/plan"). */
    static List<Map.Entry<String, Map<String, String>>> selectors(String expr) {
        List<Map.Entry<String, Map<String, String>>> out = new ArrayList<>();
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
            Map<String, String> eq = new LinkedHashMap<>();
            Matcher e = EQ_MATCHER.matcher(m.group(2));
            while (e.find()) {
                eq.put(e.group(1), e.group(2));
            }
            out.add(Map.entry(m.group(1), eq));
        }
        return out;
    }

    @Test
    void theExtractorFindsMetricNamesAndOnlyThose() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{method=\"PUT\", uri=\"/v1/me/sessions/{sessionId}\"}[5m]))) > 0.5"));
        assertEquals(Set.of("agroal_active_count", "glide_db_pool_max_size"), metricNames(
                "max by (instance) (agroal_active_count{datasource=\"default\"}) / max by (instance) (glide_db_pool_max_size) > 0.9"));
        assertEquals(Set.of("a_total", "b_total"), metricNames(
                "sum(rate(a_total{instance=~\"$instance\"}[$__rate_interval])) and on (job) b_total > 1e3"));
        assertEquals(List.of(Map.entry("x_bucket", Map.of("method", "GET", "uri", "/v1/me/plan"))),
                selectors("rate(x_bucket{method=\"GET\", uri=\"/v1/me/plan\", status=~\"5..\"}[5m])"));
        assertEquals(List.of(Map.entry("y_count", Map.of("uri", "/v1/me/sessions/{sessionId}"))),
                selectors("sum(rate(y_count{uri=\"/v1/me/sessions/{sessionId}\"}[5m])) > 1"));
    }

    // --- what /q/metrics exposes ------------------------------------------------------------

    record Series(String name, Map<String, String> labels) {
    }

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Series> parse(String exposition) {
        List<Series> out = new ArrayList<>();
        for (String line : exposition.lines().toList()) {
            Matcher m = SERIES.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.add(new Series(m.group(1), labels));
        }
        return out;
    }

    /** A plan read, a session upload and an unexpected failure (500), then a scrape. */
    private List<Series> scrapeAfterTraffic() {
        ClinicWorld world = ClinicWorld.create(data, "Observability clinic");
        String bridge = Actors.exerciseId(world.therapistA(), "glute-bridge");
        List<String> everyDay = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        JsonPath plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", bridge,
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", everyDay)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        String patient = world.patientSession().accessToken();
        as(patient).get("/v1/me/plan").then().statusCode(200);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        as(patient).body(Actors.sessionBody(plan.getString("id"), plan.getInt("revision"), start, 20, 3, 4, 2, 5, "THIGH",
                        List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        outsideContract().get("/test-only/boom").then().statusCode(500);
        return parse(RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyMetricAndRouteTheRulesAndTheDashboardQueryIsExposed() throws IOException {
        List<Series> exposed = scrapeAfterTraffic();
        Set<String> names = new TreeSet<>();
        exposed.forEach(s -> names.add(s.name()));

        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put(RULES.toString(), ruleExpressions());
        sources.put(DASHBOARD.toString(), dashboardExpressions());
        Set<String> queried = new LinkedHashSet<>();
        for (var source : sources.entrySet()) {
            assertFalse(source.getValue().isEmpty(), "expressions in " + source.getKey());
            for (String expr : source.getValue()) {
                Set<String> used = metricNames(expr);
                assertFalse(used.isEmpty(), source.getKey() + ": no metric in " + expr);
                for (String name : used) {
                    assertTrue(names.contains(name), source.getKey() + " queries " + name + ", which /q/metrics does not expose");
                }
                queried.addAll(used);
                // Every selector's equality matchers name labels and values some exposed series has.
                for (var sel : selectors(expr)) {
                    assertTrue(exposed.stream().anyMatch(s -> s.name().equals(sel.getKey())
                                    && s.labels().entrySet().containsAll(sel.getValue().entrySet())),
                            source.getKey() + ": no exposed " + sel.getKey() + " has " + sel.getValue() + " (" + expr + ")");
                }
            }
        }
        // What the brief asks the rules to cover is really in them.
        for (String needed : List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "agroal_awaiting_count", "agroal_active_count", "glide_db_pool_max_size",
                "glide_push_outbox_oldest_pending_age_seconds")) {
            assertTrue(ruleExpressions().stream().anyMatch(e -> metricNames(e).contains(needed)), "a rule on " + needed);
        }
        assertTrue(queried.contains("jvm_memory_used_bytes") && queried.contains("jvm_gc_pause_seconds_sum"), "JVM panels");
    }

    @Test
    void latencyHistogramsAreOnlyOnTheConfiguredRoutes() {
        List<Series> exposed = scrapeAfterTraffic();
        Set<String> les = new TreeSet<>();
        Set<String> bucketed = new TreeSet<>();
        for (Series s : exposed) {
            if (s.name().equals("http_server_requests_seconds_bucket")) {
                bucketed.add(s.labels().get("uri"));
                if (s.labels().get("uri").equals("/v1/me/plan")) {
                    les.add(s.labels().get("le"));
                }
            }
        }
        // This traffic's two histogram routes have buckets; nothing outside the configured list
        // does (not the plan PUT, login or the 500; other tests in the run may add configured ones).
        assertTrue(bucketed.containsAll(Set.of("/v1/me/plan", "/v1/me/sessions/{sessionId}")), bucketed.toString());
        assertTrue(Set.copyOf(histograms.histogramUris()).containsAll(bucketed), bucketed + " vs " + histograms.histogramUris());
        assertFalse(bucketed.contains("/v1/patients/{patientId}/plan") || bucketed.contains("/test-only/boom"), bucketed.toString());
        Set<String> expected = new TreeSet<>();
        for (Duration d : LatencyHistograms.BUCKETS) {
            expected.add(String.valueOf(d.toNanos() / 1e9));
        }
        expected.add("+Inf");
        assertEquals(expected, les);
    }
}
