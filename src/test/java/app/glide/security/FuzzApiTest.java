package app.glide.security;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A generated fuzz test over every operation of openapi.yaml (issue 12, item 1). For each
 * operation, with a valid token of a role that may call it, it sends hostile variants of a
 * request built from the operation's schema: a NUL character in every string field and
 * query parameter, overlong strings, wrong types, huge numbers, duplicate keys, deep
 * nesting, invalid UTF-8, trailing garbage, a bogus or foreign charset, UTF-16, tampered
 * cursors and path parameters, and at the HTTP layer a body over the size limit, an
 * overlong request line and a NUL in a header. It asserts that nothing answers 5xx and
 * that every 4xx is {@code application/problem+json} with {@code type}, {@code title},
 * {@code status} (equal to the HTTP status) and {@code detail}; responses are also checked
 * against the contract (request validation is off: these requests break it on purpose).
 *
 * <p>Why a seeded {@link Random} inside a {@code @QuarkusTest} rather than jqwik: the
 * properties need the running application, its test schema and tokens of real users, which
 * the Quarkus JUnit 5 extension provides; jqwik runs on its own engine without that
 * extension. What a property-based tool adds (shrinking) matters little here: a failing
 * case is one request, printed whole. The seed is printed on failure and can be set, as
 * can the budget: {@code -Dfuzz.seed=42 -Dfuzz.samples=200}.
 */
@QuarkusTest
class FuzzApiTest {

    /** Random field/parameter mutations per operation, on top of the fixed structural cases. */
    static final int SAMPLES = Integer.getInteger("fuzz.samples", 16);
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    static final String NUL = "\u0000";
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Inject
    TestData data;

    Random random;
    ClinicWorld world;
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    int requests;
    String logoutToken;
    String passwordToken;

    record Case(String name, Supplier<Response> send) {
    }

    @Test
    void noHostileRequestToAnyOperationGetsA5xxOrABodyThatIsNotAProblem() throws Exception {
        System.out.println("FuzzApiTest seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + "), samples " + SAMPLES);
        random = new Random(SEED);
        world = ClinicWorld.create(data, "Fuzz clinic");
        prepareObjects();

        OpenAPI spec = spec();
        int operations = 0;
        long started = System.nanoTime();
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                fuzz(path.getKey(), op.getKey().name(), op.getValue(), path.getValue().getParameters());
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("FuzzApiTest: " + operations + " operations, " + requests + " requests, " + seconds + " s, "
                + failures.size() + " failures");
        assertTrue(operations >= 56, operations + " operations in openapi.yaml");
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FuzzApiTest failure: " + f));
            fail("seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + "): " + failures.size() + " of " + requests
                    + " hostile requests were not answered with a 4xx problem:\n  " + String.join("\n  ", failures));
        }
    }

    // --- objects the operations name --------------------------------------------------------

    void prepareObjects() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        JsonPath plan = as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(world.therapistA(), "pelvic-tilt"),
                        "dosage", Map.of("sets", 1, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201).extract().jsonPath();
        String sessionId = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        as(world.patientSession().accessToken()).body(Map.of("planId", plan.getString("id"), "planRevision", 1,
                        "startedAt", start.toString(), "endedAt", start.plusMinutes(20).toString(), "painBefore", 2,
                        "painPeak", 3, "painAfter", 2, "difficulty", 4, "symptomExtent", "THIGH",
                        "items", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + sessionId).then().statusCode(201);
        logoutToken = Actors.login(Actors.createTherapist(world.admin(), "Logout").email()).accessToken();
        passwordToken = Actors.login(Actors.createTherapist(world.admin(), "Password").email()).accessToken();
        ids.put("patientId", world.patient().id().toString());
        ids.put("userId", world.therapistBInfo().id().toString());
        // Therapist B is the one a path names (deactivation, care team): A's token keeps working.
        ids.put("therapistId", world.therapistBInfo().id().toString());
        ids.put("primaryTherapistId", world.therapistAInfo().id().toString());
        ids.put("sessionId", sessionId);
        ids.put("planId", plan.getString("id"));
        ids.put("itemId", plan.getString("items[0].id"));
        ids.put("exerciseId", Actors.exerciseId(world.therapistA(), "pelvic-tilt"));
        ids.put("revision", "1");
        ids.put("alertId", UUID.randomUUID().toString());
        ids.put("templateId", as(therapist).get("/v1/plan-templates").then().statusCode(200).extract()
                .jsonPath().getString("[0].id"));
        ids.put("cardId", as(therapist).get("/v1/education-cards").then().statusCode(200).extract()
                .jsonPath().getString("[0].id"));
        ids.forEach((k, v) -> assertTrue(v != null, k + " was not found"));
    }

    String token(String path, String method, Operation op) {
        if (op.getSecurity() != null && op.getSecurity().isEmpty()) {
            return null;
        }
        if (path.equals("/v1/auth/logout")) {
            return logoutToken; // its own user: a logout must not end the sessions the other cases use
        }
        if (path.equals("/v1/auth/password")) {
            // Its own user too: a password change (the contract's example names the test password)
            // ends every session of that user.
            return passwordToken;
        }
        if (path.equals("/v1/me") || path.startsWith("/v1/me/")) { // not /v1/media (staff)
            return world.patientSession().accessToken();
        }
        boolean admin = path.startsWith("/v1/audit-events") || path.startsWith("/v1/staff/")
                || path.startsWith("/v1/therapists") && !method.equals("GET")
                || path.equals("/v1/clinic/settings") && method.equals("PUT")
                || path.equals("/v1/patients/{patientId}/access-log");
        return admin ? world.admin().accessToken() : world.therapistA().accessToken();
    }

    // --- the cases ----------------------------------------------------------------------------

    void fuzz(String template, String method, Operation op, List<Parameter> shared) throws IOException {
        String token = token(template, method, op);
        List<Parameter> params = new ArrayList<>(shared == null ? List.of() : shared);
        params.addAll(op.getParameters() == null ? List.of() : op.getParameters());
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : params) {
            if ("path".equals(p.getIn())) {
                pathValues.put(p.getName(), ids.getOrDefault(p.getName(), UUID.randomUUID().toString()));
            } else if ("query".equals(p.getIn())) {
                query.put(p.getName(), valid(p.getName(), p.getSchema()).asText());
            }
        }
        Schema<?> bodySchema = bodySchema(op);
        JsonNode body = bodySchema == null ? null : example(op, bodySchema);
        String name = method + " " + template;

        List<Case> fixed = new ArrayList<>();
        List<Case> sampled = new ArrayList<>();

        // Query and path parameters.
        for (String q : query.keySet()) {
            for (String hostile : List.of(NUL, "a" + NUL + "b")) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(q, hostile);
                fixed.add(request(name, "NUL in query " + q, token, method, path(template, pathValues), changed, body, null));
            }
            for (String hostile : List.of("x".repeat(3000), "99999999999999999999999999", "-1", "[]", "{\"a\":1}",
                    "\uD800", "🙂".repeat(100), "", " ")) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(q, hostile);
                sampled.add(request(name, "query " + q + "=" + abbreviate(hostile), token, method,
                        path(template, pathValues), changed, body, null));
            }
        }
        if (query.containsKey("cursor")) {
            for (String cursor : tamperedCursors()) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put("cursor", cursor);
                fixed.add(request(name, "cursor " + abbreviate(cursor), token, method, path(template, pathValues),
                        changed, body, null));
            }
        }
        for (String p : pathValues.keySet()) {
            for (String hostile : List.of("%00", "a%00b", "not-a-uuid", "x".repeat(300), "00000000-0000-0000-0000-000000000000",
                    "-1", "99999999999999999999")) {
                Map<String, String> changed = new LinkedHashMap<>(pathValues);
                changed.put(p, hostile);
                sampled.add(request(name, "path " + p + "=" + abbreviate(hostile), token, method,
                        rawPath(template, changed), query, body, null));
            }
        }

        // The body: every string leaf with a NUL, other leaves with the wrong type or a huge number.
        if (body != null) {
            String path = path(template, pathValues);
            for (String pointer : leaves(body)) {
                JsonNode leaf = body.at(pointer);
                if (leaf.isTextual()) {
                    fixed.add(request(name, "NUL in " + pointer, token, method, path, query,
                            with(body, pointer, NODES.textNode(leaf.asText() + NUL)), null));
                    sampled.add(request(name, "NUL alone in " + pointer, token, method, path, query,
                            with(body, pointer, NODES.textNode(NUL)), null));
                    sampled.add(request(name, "overlong " + pointer, token, method, path, query,
                            with(body, pointer, NODES.textNode("y".repeat(100_000))), null));
                    sampled.add(request(name, "lone surrogate in " + pointer, token, method, path, query,
                            with(body, pointer, NODES.textNode("a\uDC00b")), null));
                }
                for (JsonNode wrong : List.of(NODES.objectNode(), NODES.arrayNode(), NODES.booleanNode(true),
                        NODES.numberNode(1.5), NODES.nullNode(), NODES.textNode("🙂"))) {
                    sampled.add(request(name, "wrong type " + wrong + " in " + pointer, token, method, path, query,
                            with(body, pointer, wrong), null));
                }
                for (String huge : List.of("1e400", "123456789012345678901234567890", "-99999999999999999999",
                        "1e-400", "0.0000000000000000000001", "NaN")) {
                    String text = JSON.writeValueAsString(with(body, pointer, NODES.textNode("@@HUGE@@")))
                            .replace("\"@@HUGE@@\"", huge);
                    sampled.add(request(name, "number " + huge + " in " + pointer, token, method, path, query, null,
                            text.getBytes(StandardCharsets.UTF_8)));
                }
            }
            String text = JSON.writeValueAsString(body);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            fixed.add(request(name, "duplicate key", token, method, path, query, null, duplicateKey(body)));
            fixed.add(request(name, "deep nesting", token, method, path, query, null,
                    ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
            fixed.add(request(name, "deep nesting in a field", token, method, path, query, null,
                    deepField(body).getBytes(StandardCharsets.UTF_8)));
            fixed.add(request(name, "invalid UTF-8", token, method, path, query, null, invalidUtf8(text)));
            fixed.add(request(name, "trailing garbage", token, method, path, query, null,
                    (text + "garbage").getBytes(StandardCharsets.UTF_8)));
            fixed.add(request(name, "a second JSON value", token, method, path, query, null,
                    (text + " {}").getBytes(StandardCharsets.UTF_8)));
            fixed.add(request(name, "UTF-16", token, method, path, query, null, text.getBytes(StandardCharsets.UTF_16)));
            fixed.add(request(name, "UTF-16LE", token, method, path, query, null, text.getBytes(StandardCharsets.UTF_16LE)));
            fixed.add(request(name, "UTF-32", token, method, path, query, null, text.getBytes(Charset.forName("UTF-32"))));
            fixed.add(withType(name, "charset=bogus", token, method, path, query, "application/json; charset=bogus", utf8));
            fixed.add(withType(name, "charset=utf-16", token, method, path, query, "application/json; charset=utf-16", utf8));
            fixed.add(withType(name, "text/plain", token, method, path, query, "text/plain", utf8));
            for (String odd : List.of("", "null", "[]", "\"text\"", "1", "{", "{\"a\":}", "\u0000", "{\"\u0000\":1}")) {
                fixed.add(request(name, "body " + abbreviate(odd), token, method, path, query, null,
                        odd.getBytes(StandardCharsets.UTF_8)));
            }
        }

        Collections.shuffle(sampled, random);
        List<Case> cases = new ArrayList<>(fixed);
        cases.addAll(sampled.subList(0, Math.min(SAMPLES, sampled.size())));
        int reached = 0;
        long opStarted = System.nanoTime();
        for (Case c : cases) {
            Response r = run(c);
            if (r != null && r.statusCode() != 401 && r.statusCode() != 403) {
                reached++;
            }
        }
        System.out.printf("FuzzApiTest: %s: %d cases in %d ms%n", name, cases.size(), (System.nanoTime() - opStarted) / 1_000_000);
        if (!cases.isEmpty() && reached == 0) {
            failures.add(name + ": every case was refused by authentication or role; the fuzz never reached it");
        }

        // The HTTP layer: an overlong request line and a NUL in a header; a body over the limit.
        String path = path(template, pathValues);
        httpLayer(name, "request line over the limit", method + " " + path + "?pad=" + "p".repeat(5000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "", 414);
        httpLayer(name, "broken percent-encoding", method + " " + path + "?q=%zz&cursor=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: 0\r\n\r\n", "", 0);
        httpLayer(name, "NUL in a header", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\nX-Note: a\u0000b\r\n\r\n", "", 400);
        if (body != null) {
            String big = "{\"pad\":\"" + "z".repeat(1_100_000) + "\"}";
            httpLayer(name, "body over the limit", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: " + big.length() + "\r\n\r\n", big, 413);
        }
    }

    Case request(String op, String what, String token, String method, String path, Map<String, String> query,
                 JsonNode body, byte[] raw) {
        return new Case(op + " [" + what + "]", () -> {
            RequestSpecification spec = spec(token).urlEncodingEnabled(false);
            if (body != null) {
                spec.body(json(body));
            } else if (raw != null) {
                spec.body(raw);
            }
            return spec.request(method, path + queryString(query));
        });
    }

    Case withType(String op, String what, String token, String method, String path, Map<String, String> query,
                  String contentType, byte[] raw) {
        return new Case(op + " [" + what + "]", () -> spec(token).urlEncodingEnabled(false).contentType(contentType)
                .body(raw).request(method, path + queryString(query)));
    }

    RequestSpecification spec(String token) {
        RequestSpecification spec = Api.sendingInvalidRequest();
        return token == null ? spec : spec.auth().oauth2(token);
    }

    Response run(Case c) {
        requests++;
        Response r;
        try {
            r = c.send().get();
        } catch (AssertionError | RuntimeException e) {
            failures.add(c.name() + ": " + errorsOnly(oneLine(e.getMessage())));
            return null;
        }
        String problem = problemShape(r.statusCode(), r.contentType(), r.asString());
        if (problem != null) {
            failures.add(c.name() + ": " + problem);
        }
        return r;
    }

    void httpLayer(String op, String what, String head, String body, int expected) throws IOException {
        requests++;
        HostileInputApiTest.RawResponse r = HostileInputApiTest.raw(head, body);
        String problem = problemShape(r.status(), r.headers().getOrDefault("content-type", ""), r.body());
        if (problem != null) {
            failures.add(op + " [" + what + "]: " + problem);
        } else if (expected != 0 && r.status() != expected) {
            failures.add(op + " [" + what + "]: answered " + r.status() + ", expected " + expected);
        }
    }

    /** Null when the answer is acceptable; else what is wrong with it. */
    static String problemShape(int status, String contentType, String body) {
        if (status >= 500) {
            return "answered " + status + " " + abbreviate(body);
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as '" + contentType + "': " + abbreviate(body);
        }
        try {
            JsonNode p = JSON.readTree(body);
            if (!p.path("type").asText().startsWith("https://glide.example/problems/") || p.path("title").asText().isBlank()
                    || p.path("status").asInt() != status || p.path("detail").asText().isBlank()) {
                return "answered " + status + " with an incomplete problem: " + abbreviate(body);
            }
        } catch (IOException e) {
            return "answered " + status + " with a body that is not JSON: " + abbreviate(body);
        }
        return null;
    }

    // --- building requests ------------------------------------------------------------------------

    static OpenAPI spec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI spec = new OpenAPIV3Parser().read("openapi.yaml", null, options);
        if (spec == null) {
            throw new IllegalStateException("openapi.yaml could not be read");
        }
        return spec;
    }

    static Schema<?> bodySchema(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType media = op.getRequestBody().getContent().get("application/json");
        return media == null ? null : media.getSchema();
    }

    JsonNode example(Operation op, Schema<?> schema) {
        MediaType media = op.getRequestBody().getContent().get("application/json");
        if (media.getExample() != null) {
            return node(media.getExample());
        }
        return valid("body", schema);
    }

    /** A value that fits the schema, as far as this simple generator can tell. */
    JsonNode valid(String name, Schema<?> schema) {
        if (schema == null) {
            return NODES.textNode("fuzz");
        }
        if (schema instanceof ComposedSchema composed) {
            ObjectNode merged = NODES.objectNode();
            List<Schema> parts = composed.getAllOf() != null ? composed.getAllOf()
                    : composed.getOneOf() != null ? composed.getOneOf().subList(0, 1)
                    : composed.getAnyOf() != null ? composed.getAnyOf().subList(0, 1) : List.of();
            for (Schema<?> part : parts) {
                JsonNode v = valid(name, part);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                } else {
                    return v;
                }
            }
            return merged;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return node(schema.getEnum().get(0));
        }
        if (schema.getExample() != null) {
            return node(schema.getExample());
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getProperties() != null ? "object" : schema instanceof ArraySchema ? "array" : "string";
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((k, v) -> o.set(k, valid(k, v)));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(valid(name, schema.getItems()));
                return a;
            }
            case "integer":
                return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().intValue() : 1);
            case "number":
                return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().doubleValue() : 1.0);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return NODES.textNode(validString(name, schema));
        }
    }

    /** Examples as the parser read them: times as their ISO text. */
    static JsonNode node(Object example) {
        if (example instanceof TemporalAccessor || example instanceof Date) {
            return NODES.textNode(example.toString());
        }
        return JSON.valueToTree(example);
    }

    String validString(String name, Schema<?> schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "uuid" -> ids.getOrDefault(name, UUID.randomUUID().toString());
            case "date-time" -> OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(2).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "date" -> LocalDate.now().toString();
            case "email" -> "fuzz-" + random.nextInt(1_000_000) + "@clinic.example";
            default -> name.toLowerCase().contains("zone") ? "Europe/Berlin"
                    : name.toLowerCase().contains("password") ? TestData.PASSWORD : "fuzz";
        };
    }

    static List<String> leaves(JsonNode node) {
        List<String> out = new ArrayList<>();
        leaves(node, "", out);
        return out;
    }

    static void leaves(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, out);
            }
        } else if (!pointer.isEmpty()) {
            out.add(pointer);
        }
    }

    static JsonNode with(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
        return copy;
    }

    static byte[] duplicateKey(JsonNode body) throws IOException {
        if (!body.isObject() || body.size() == 0) {
            return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        }
        Map.Entry<String, JsonNode> first = body.fields().next();
        String text = JSON.writeValueAsString(body);
        // The first member once more at the end, with another value of the same kind.
        JsonNode other = first.getValue().isTextual() ? NODES.textNode(first.getValue().asText() + "2") : first.getValue();
        String extra = JSON.writeValueAsString(first.getKey()) + ":" + JSON.writeValueAsString(other);
        return (text.substring(0, text.length() - 1) + "," + extra + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String deepField(JsonNode body) throws IOException {
        if (!body.isObject() || body.size() == 0) {
            return "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001);
        }
        String key = body.fields().next().getKey();
        return JSON.writeValueAsString(with(body, "/" + key, NODES.textNode("@@DEEP@@")))
                .replace("\"@@DEEP@@\"", "[".repeat(3000) + "]".repeat(3000));
    }

    static byte[] invalidUtf8(String text) {
        int quote = text.indexOf(":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = quote < 0 ? 1 : quote + 2;
        out.write(utf8, 0, at);
        out.write(0xC3);
        out.write(0x28);
        out.write(0xFF);
        out.write(0xED);
        out.write(0xA0);
        out.write(0x80);
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }

    List<String> tamperedCursors() {
        String id = UUID.randomUUID().toString();
        List<String> plain = List.of("\u0000\n" + id, "a\u0000b\n" + id, "x\n" + id, "2026-01-01T00:00:00Z\nnot-a-uuid",
                "yesterday\n" + id, "\n-1", "\n99999999999999999999999", "\nabc", "offset:-5", "offset:99999999999",
                "offset:" + NUL, "no separator", "", "\n", "2026-01-01T00:00:00Z\n" + id + "\u0000");
        List<String> out = new ArrayList<>();
        for (String p : plain) {
            out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(p.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] noise = new byte[48];
        random.nextBytes(noise);
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(noise));
        out.add("!!!!");
        out.add("%00");
        out.add("x".repeat(600));
        return out;
    }

    static String path(String template, Map<String, String> values) {
        String p = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Path values as given (already percent-encoded where they mean to be). */
    static String rawPath(String template, Map<String, String> values) {
        String p = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            s.append(s.length() == 0 ? '?' : '&').append(e.getKey()).append('=');
            s.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contract validation report without the request messages that were ignored on purpose. */
    static String errorsOnly(String report) {
        Matcher m = Pattern
                .compile("\\{ \"key\" : \"([^\"]+)\", \"level\" : \"ERROR\", \"message\" : \"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(report);
        List<String> errors = new ArrayList<>();
        while (m.find()) {
            errors.add(m.group(1) + ": " + m.group(2));
        }
        return errors.isEmpty() ? abbreviate(report) : "contract: " + String.join("; ", errors);
    }

    static String abbreviate(String s) {
        String one = oneLine(s);
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace("\u0000", "\\u0000").replaceAll("\\s+", " ");
    }
}
