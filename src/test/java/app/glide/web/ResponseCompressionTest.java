package app.glide.web;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gzip is negotiated, never imposed: the plan goes out compressed when the request says
 * {@code Accept-Encoding: gzip} and as plain JSON when it does not; every JSON answer and
 * every 304 says {@code Vary: Accept-Encoding}; problem+json and small bodies go out plain.
 * RestAssured asks for gzip by default and decompresses silently, so each test says which
 * encoding it accepts and the raw bytes are read with the JDK client, which does neither.
 */
@QuarkusTest
class ResponseCompressionTest {

    /** RestAssured without its decoders: it sends no Accept-Encoding and leaves the body as sent. */
    static final RestAssuredConfig NO_DECODING = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    TestData data;

    @TestHTTPResource("/v1/me/plan")
    URI myPlan;

    ClinicWorld world;
    String patientToken;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Compression clinic");
        patientToken = world.patientSession().accessToken();
        String therapist = world.therapistA().accessToken();
        String birdDog = exerciseId(therapist, "bird-dog-arm-only");
        String walk = exerciseId(therapist, "walking-short-flat");
        Map<String, Object> everyDay = Map.of("daysOfWeek",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        Map<String, Object> body = Map.of("name", "Back plan", "reason", "First plan", "items", List.of(
                Map.of("exerciseId", birdDog, "dosage", Map.of("sets", 2, "reps", 8, "holdSeconds", 5), "schedule", everyDay),
                Map.of("exerciseId", walk, "dosage", Map.of("durationMinutes", 10), "schedule", Map.of("sessionsPerWeek", 5))));
        as(therapist).body(body).put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201);
    }

    static String exerciseId(String token, String slug) {
        return as(token).queryParam("q", slug).get("/v1/exercises").then().statusCode(200).extract().jsonPath()
                .param("slug", slug).getString("items.find { it.slug == slug }.id");
    }

    @Test
    void thePlanIsGzippedWhenThePhoneAsks() throws Exception {
        // Through the contract check (RestAssured decompresses for the validator).
        as(patientToken).header("Accept-Encoding", "gzip").get("/v1/me/plan").then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"))
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo("Back plan"))
                .body("items.size()", equalTo(2));

        // The bytes on the wire, over HTTP/1.1 (the plan compressed by the application, its exercises kept
        // compressed) and over HTTP/2 (compressed by Netty): one gzip stream that decompresses to the plain JSON.
        byte[] json = null;
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<byte[]> gzip = raw("gzip", version);
            assertEquals(200, gzip.statusCode());
            assertEquals(version, gzip.version());
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null));
            byte[] wire = gzip.body();
            assertTrue(wire.length > 2 && (wire[0] & 0xff) == 0x1f && (wire[1] & 0xff) == 0x8b, "gzip magic number");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                json = in.readAllBytes();
            }
            HttpResponse<byte[]> plain = raw(null, version);
            assertArrayEquals(plain.body(), json, version + ": gzip decompresses to the plain body");
            assertEquals(json.length, GzipJoinTest.singleMember(wire).length, "one gzip member (OkHttp reads no other)");
            assertTrue(wire.length * 2 < json.length, "compressed " + wire.length + " of " + json.length + " bytes");
        }
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{") && text.contains("\"name\":\"Back plan\""), text);
    }

    @Test
    void thePlanIsPlainWhenThePhoneDoesNotAsk() throws Exception {
        Response r = as(patientToken).config(NO_DECODING).get("/v1/me/plan");
        r.then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .header("Vary", containsString("Accept-Encoding"))
                .body("name", equalTo("Back plan"));
        assertEquals('{', r.asByteArray()[0]);

        as(patientToken).config(NO_DECODING).header("Accept-Encoding", "identity").get("/v1/me/plan").then()
                .statusCode(200).header("Content-Encoding", nullValue()).body("name", equalTo("Back plan"));

        // Without any Accept-Encoding (the JDK client sends none), with only an encoding we do not offer, and
        // with gzip refused by a zero weight.
        for (String acceptEncoding : new String[] {null, "br", "gzip;q=0, identity"}) {
            HttpResponse<byte[]> plain = raw(acceptEncoding);
            assertEquals(200, plain.statusCode());
            assertEquals(null, plain.headers().firstValue("Content-Encoding").orElse(null));
            assertEquals('{', plain.body()[0]);
            assertTrue(plain.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
        }
    }

    @Test
    void theNotModifiedAnswerIsUnchangedAndSaysVary() {
        String etag = as(patientToken).get("/v1/me/plan").then().statusCode(200).extract().header("ETag");
        Response r = as(patientToken).config(NO_DECODING).header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag).get("/v1/me/plan");
        r.then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Content-Encoding", nullValue())
                .header("Vary", containsString("Accept-Encoding"))
                .header("Vary", containsString("Accept-Language"));
        assertEquals(0, r.asByteArray().length);
    }

    @Test
    void problemsAndSmallBodiesGoOutPlain() {
        // problem+json is not in quarkus.http.compress-media-types.
        sendingInvalidRequest().config(NO_DECODING).header("Accept-Encoding", "gzip").get("/v1/me/plan").then()
                .statusCode(401).contentType("application/problem+json").header("Content-Encoding", nullValue());
        // A JSON body under glide.compression.min-bytes (1024): the patient's own profile.
        Response small = as(patientToken).config(NO_DECODING).header("Accept-Encoding", "gzip").get("/v1/me");
        small.then().statusCode(200).header("Content-Encoding", nullValue())
                .header("Vary", containsString("Accept-Encoding"));
        assertTrue(small.asByteArray().length < 1024, "small body: " + small.asByteArray().length);
    }

    HttpResponse<byte[]> raw(String acceptEncoding) throws IOException, InterruptedException {
        return raw(acceptEncoding, HttpClient.Version.HTTP_2);
    }

    /** With the JDK client, which neither asks for nor decodes gzip; HTTP/2 is the cleartext upgrade (h2c). */
    HttpResponse<byte[]> raw(String acceptEncoding, HttpClient.Version version) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(myPlan).version(version)
                .header("Authorization", "Bearer " + patientToken)
                .header("X-Forwarded-For", app.glide.testing.Api.nextClientAddress());
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
