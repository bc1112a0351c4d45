package app.glide.security;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 1 and part of item 9: hostile input is refused with a specific 4xx
 * problem, never a 500 and never a body that is not {@code application/problem+json}.
 * Each test reproduces one finding (all failed on main before the fix; see docs/security.md,
 * "Hostile input").
 */
@QuarkusTest
class HostileInputApiTest {

    static final String PROBLEMS = "https://glide.example/problems/";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Hostile clinic");
    }

    String therapist() {
        return world.therapistA().accessToken();
    }

    static String cursorOf(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulCharacterInATextFieldIsRefusedNamingTheField() {
        Response r = sendingInvalidRequest().auth().oauth2(therapist())
                .body("{\"displayName\":\"Alex\\u0000Rivera\",\"timeZone\":\"Europe/Berlin\"}")
                .post("/v1/patients");
        problem(r, 400, "validation");
        r.then().body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", containsString("NUL"));
        // The same for a staff account and a comment deeper in the API.
        problem(sendingInvalidRequest().auth().oauth2(world.admin().accessToken())
                .body(Map.of("email", "nul@clinic.example", "displayName", "Nul\u0000Name",
                        "initialPassword", TestData.PASSWORD)).post("/v1/therapists"), 400, "validation");
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body(Map.of("displayName", "Nul", "timeZone", "Europe/Berlin\u0000"))
                .patch("/v1/patients/" + world.patient().id()), 400, "validation");
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingTheParameter() {
        problem(sendingInvalidRequest().auth().oauth2(therapist()).urlEncodingEnabled(false)
                .get("/v1/exercises?q=%00"), 400, "validation").then().body("errors[0].field", equalTo("q"));
        problem(sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).urlEncodingEnabled(false)
                .get("/v1/audit-events?entityType=%00"), 400, "validation")
                .then().body("errors[0].field", equalTo("entityType"));
        problem(sendingInvalidRequest().auth().oauth2(therapist()).urlEncodingEnabled(false)
                .get("/v1/education-cards?tag=a%00b"), 400, "validation")
                .then().body("errors[0].field", equalTo("tag"));
    }

    @Test
    void aTamperedCursorIsAnInvalidCursorProblem() {
        String id = UUID.randomUUID().toString();
        // A NUL inside the key of a name-ordered list, an alert cursor whose time is not a time,
        // and a session cursor whose id is not a UUID.
        problem(as(therapist()).queryParam("cursor", cursorOf("a\u0000b\n" + id)).get("/v1/patients"), 400,
                "invalid-cursor").then().body("errors[0].field", equalTo("cursor"));
        problem(as(therapist()).queryParam("cursor", cursorOf("\u0000\n" + id)).get("/v1/exercises"), 400,
                "invalid-cursor");
        problem(as(therapist()).queryParam("cursor", cursorOf("yesterday\n" + id)).get("/v1/alerts"), 400,
                "invalid-cursor");
        problem(as(therapist()).queryParam("cursor", cursorOf("2026-01-01T00:00:00Z\nnot-a-uuid"))
                .get("/v1/patients/" + world.patient().id() + "/sessions"), 400, "invalid-cursor");
        problem(as(world.admin().accessToken()).queryParam("cursor", cursorOf("\n99999999999999999999999"))
                .get("/v1/audit-events"), 400, "invalid-cursor");
    }

    @Test
    void aNulCharacterInOneSessionOfABatchIsRefusedNamingTheSession() {
        JsonPath plan = as(therapist()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(world.therapistA(), "pelvic-tilt"),
                        "dosage", Map.of("sets", 1, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> session = Actors.sessionBody(plan.getString("id"), 1, start, 20, 2, 3, 2, 4, "THIGH",
                List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE")));
        session.put("id", UUID.randomUUID().toString());
        session.put("note", "felt \u0000 fine");
        Response r = sendingInvalidRequest().auth().oauth2(world.patientSession().accessToken())
                .body(Map.of("sessions", List.of(session))).post("/v1/me/sessions/batch");
        problem(r, 400, "validation").then().body("errors[0].field", equalTo("sessions[0].note"));
        as(therapist()).get("/v1/patients/" + world.patient().id() + "/sessions").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void duplicateKeysInAJsonBodyAreRefused() {
        String email = world.therapistAInfo().email();
        Response login = sendingInvalidRequest()
                .body("{\"email\":\"" + email + "\",\"email\":\"other@clinic.example\",\"password\":\"x\"}")
                .post("/v1/auth/login");
        problem(login, 400, "duplicate-key").then().body("detail", containsString("email"));
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body("{\"displayName\":\"A\",\"timeZone\":\"Europe/Berlin\",\"displayName\":\"B\"}")
                .post("/v1/patients"), 400, "duplicate-key");
    }

    @Test
    void aPatchThatChangesNothingAnswersThePatient() {
        String path = "/v1/patients/" + world.patient().id();
        as(therapist()).body(Map.of("timeZone", "Europe/Berlin", "status", "ACTIVE")).patch(path).then()
                .statusCode(200).body("id", equalTo(world.patient().id().toString()))
                .body("timeZone", equalTo("Europe/Berlin"));
        // A client's retry of a successful PATCH answers the same.
        as(therapist()).body(Map.of("timeZone", "Europe/Lisbon")).patch(path).then().statusCode(200);
        as(therapist()).body(Map.of("timeZone", "Europe/Lisbon")).patch(path).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Lisbon"));
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body("{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"} {\"x\":1}").post("/v1/patients"),
                400, "malformed-json").then().body("detail", containsString("after the JSON"));
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body("{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"}garbage").post("/v1/patients"),
                400, "malformed-json");
        assertEquals(0, as(therapist()).get("/v1/patients").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.displayName == 'Alex' }").size(), "nothing was created");
    }

    @Test
    void aBodyThatIsNotUtf8OrNamesAnotherCharsetIsRefused() {
        byte[] utf16 = "{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"}".getBytes(StandardCharsets.UTF_16);
        problem(sendingInvalidRequest().auth().oauth2(therapist()).contentType("application/json").body(utf16)
                .post("/v1/patients"), 415, "unsupported-charset");
        byte[] utf16le = "{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"}".getBytes(StandardCharsets.UTF_16LE);
        problem(sendingInvalidRequest().auth().oauth2(therapist()).contentType("application/json").body(utf16le)
                .post("/v1/patients"), 415, "unsupported-charset");
        problem(sendingInvalidRequest().auth().oauth2(therapist()).contentType("application/json; charset=bogus")
                .body("{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"}".getBytes(StandardCharsets.UTF_8))
                .post("/v1/patients"), 415, "unsupported-charset").then().body("detail", containsString("bogus"));
        problem(sendingInvalidRequest().auth().oauth2(therapist()).contentType("application/json; charset=iso-8859-1")
                .body("{\"displayName\":\"Alex\",\"timeZone\":\"Europe/Berlin\"}".getBytes(StandardCharsets.UTF_8))
                .post("/v1/patients"), 415, "unsupported-charset");
        // UTF-8 named explicitly is fine.
        as(therapist()).contentType("application/json; charset=UTF-8")
                .body(Map.of("displayName", "Zoë", "timeZone", "Europe/Berlin")).post("/v1/patients").then()
                .statusCode(201);
    }

    @Test
    void otherMalformedBodiesAndParametersAreSpecificProblems() {
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body(("{\"displayName\":" + "[".repeat(2000) + "]".repeat(2000) + ",\"timeZone\":\"Europe/Berlin\"}")
                        .getBytes(StandardCharsets.UTF_8)).post("/v1/patients"), 400, "validation")
                .then().body("errors[0].field", equalTo("displayName"));
        byte[] invalidUtf8 = {'{', '"', 'd', 'i', 's', 'p', 'l', 'a', 'y', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, '"', '}'};
        problem(sendingInvalidRequest().auth().oauth2(therapist()).body(invalidUtf8).post("/v1/patients"), 400,
                "malformed-json");
        problem(sendingInvalidRequest().auth().oauth2(therapist())
                .body("{\"displayName\":\"a\\uDC00b\",\"timeZone\":\"Europe/Berlin\"}").post("/v1/patients"), 400,
                "validation").then().body("errors[0].field", equalTo("displayName"));
        // A query parameter of the wrong type names the parameter (JAX-RS would answer 404).
        problem(sendingInvalidRequest().auth().oauth2(therapist()).queryParam("status", "NOPE").get("/v1/patients"), 400,
                "validation").then().body("errors[0].field", equalTo("status"));
        problem(sendingInvalidRequest().auth().oauth2(therapist()).queryParam("patientId", "x").get("/v1/alerts"), 400,
                "validation").then().body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void refusalsAtTheHttpLayerAreProblems() throws IOException {
        // 413: a body over quarkus.http.limits.max-body-size (1M).
        String big = "{\"displayName\":\"" + "x".repeat(1_100_000) + "\",\"timeZone\":\"Europe/Berlin\"}";
        RawResponse tooLarge = raw("POST /v1/patients HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + therapist()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + big.length() + "\r\n\r\n", big);
        rawProblem(tooLarge, 413, "payload-too-large");
        // 414: a request line over the limit (4096).
        RawResponse longUri = raw("GET /v1/patients?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "");
        rawProblem(longUri, 414, "uri-too-long");
        // 431: headers over the limit.
        RawResponse bigHeaders = raw("GET /v1/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(30_000)
                + "\r\n\r\n", "");
        rawProblem(bigHeaders, 431, "headers-too-large");
        // 400: a NUL inside a header value.
        RawResponse nulHeader = raw("GET /v1/me HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n\r\n", "");
        rawProblem(nulHeader, 400, "malformed-http-request");
        // 400: a URI that does not parse (a broken percent-encoding).
        RawResponse brokenUri = raw("GET /v1/patients?q=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n", "");
        rawProblem(brokenUri, 400, "malformed-http-request");
    }

    // ---------------------------------------------------------------------------------------

    static Response problem(Response r, int status, String slug) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType() + ": " + r.asString());
        r.then().body("type", equalTo(PROBLEMS + slug)).body("status", equalTo(status));
        assertFalse(r.jsonPath().getString("title").isBlank());
        assertFalse(r.jsonPath().getString("detail").isBlank());
        return r;
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    static void rawProblem(RawResponse r, int status, String slug) throws IOException {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/problem+json"), r.toString());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(PROBLEMS + slug, body.path("type").asText(), r.toString());
        assertEquals(status, body.path("status").asInt(), r.toString());
        assertFalse(body.path("title").asText().isBlank(), r.toString());
        assertFalse(body.path("detail").asText().isBlank(), r.toString());
        assertFalse(r.headers().getOrDefault("x-request-id", "").isBlank(), r.toString());
        assertEquals("no-store", r.headers().get("cache-control"), r.toString());
        assertEquals("nosniff", r.headers().get("x-content-type-options"), r.toString());
    }

    /** Sends bytes as they are (clients refuse to send some of these) and reads one response. */
    static RawResponse raw(String head, String body) throws IOException {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it read everything we sent
            }
            return read(s.getInputStream());
        }
    }

    static RawResponse read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headEnd = -1;
        int contentLength = -1;
        int status = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException reset) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            all.write(buf, 0, n);
            byte[] bytes = all.toByteArray();
            if (headEnd < 0) {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                int i = text.indexOf("\r\n\r\n");
                if (i >= 0) {
                    headEnd = i + 4;
                    String[] lines = text.substring(0, i).split("\r\n");
                    status = Integer.parseInt(lines[0].split(" ")[1]);
                    for (int l = 1; l < lines.length; l++) {
                        int colon = lines[l].indexOf(':');
                        headers.put(lines[l].substring(0, colon).trim().toLowerCase(), lines[l].substring(colon + 1).trim());
                    }
                    contentLength = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && bytes.length >= headEnd + contentLength) {
                break;
            }
        }
        byte[] bytes = all.toByteArray();
        String body = headEnd < 0 ? "" : new String(bytes, headEnd, bytes.length - headEnd, StandardCharsets.UTF_8);
        return new RawResponse(status, headers, body);
    }
}
