package app.glide.export;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's data export end to end: 202 and PENDING, a second request 409 naming the first,
 * a replica's job builds it, the ZIP holds every area's file with the patient's rows (and the
 * audit trail of the record), its SHA-256 is the one announced, requests and downloads are
 * audited, it expires (410) and the cleanup drops the file. Staff: the care team and the admin,
 * nobody else.
 */
@QuarkusTest
class PatientExportApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ExportJob job;

    @Inject
    TestClock clock;

    @Inject
    @Any
    Instance<ExportPart> parts;

    ClinicWorld world;
    PatientHistory history;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Export clinic");
        history = PatientHistory.create(world.therapistA(), "Export patient " + UUID.randomUUID(), "Marker-export");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePatientStartsPollsAndDownloadsTheirExport() throws Exception {
        String token = history.patient().accessToken();
        Response started = as(token).post("/v1/me/exports");
        started.then().statusCode(202).body("status", equalTo("PENDING")).body("downloadPath", nullValue());
        String id = started.path("id");
        assertEquals("/v1/me/exports/" + id, started.header("Location").replaceFirst("^https?://[^/]+", ""));
        as(token).post("/v1/me/exports").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/export-running")).body("detail", containsString(id))
                .body("exportId", equalTo(id));
        as(token).get("/v1/me/exports/" + id + "/download").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/export-not-ready"));

        // Another entity's event whose id happens to be the session's: not the patient's (entity type and id together).
        data.execute("""
                insert into audit_event (occurred_at, clinic_id, actor_user_id, actor_role, entity_type, entity_id, action, details)
                select now(), clinic_id, null, 'SYSTEM', 'exercise', ?, 'unrelated', '{}'::jsonb from patient where id = ?""",
                history.sessionId(), history.patientId());
        assertTrue(job.runOnce() >= 1);
        Response ready = as(token).get("/v1/me/exports/" + id);
        ready.then().statusCode(200).body("status", equalTo("READY"))
                .body("downloadPath", equalTo("/v1/me/exports/" + id + "/download"));
        byte[] zip = as(token).get("/v1/me/exports/" + id + "/download").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertEquals(((Number) ready.path("bytes")).longValue(), zip.length);
        assertEquals(ready.path("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)));

        Map<String, JsonNode> files = unzip(zip);
        List<String> expected = new ArrayList<>(ExportCatalogue.AREAS.stream().map(ExportCatalogue.Area::fileName).toList());
        parts.forEach(p -> expected.add(p.fileName()));
        expected.add("manifest.json");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(files.keySet()));
        assertEquals(id, files.get("manifest.json").path("exportId").asText());
        UUID patientId = history.patientId();
        assertEquals(patientId.toString(), files.get("profile.json").path("patient").path("id").asText());
        assertTrue(files.get("profile.json").path("account").path("password_hash").isMissingNode());
        assertEquals(1, files.get("sessions.json").size());
        assertEquals("Felt fine, Marker-export", files.get("sessions.json").get(0).path("note").asText());
        assertEquals(2, files.get("messages.json").size());
        assertEquals(1, files.get("visits.json").size());
        assertEquals(1, files.get("visit-versions.json").size());
        assertEquals(1, files.get("plan-revisions.json").size());
        assertEquals(1, files.get("session-comments.json").size());
        assertEquals(1, files.get("devices.json").size());
        assertTrue(files.get("devices.json").get(0).path("push_token").isMissingNode(), "no push token");
        assertEquals(2, files.get("sign-ins.json").size());
        assertTrue(files.get("sign-ins.json").get(0).path("token_hash").isMissingNode(), "no token hash");
        List<String> audited = new ArrayList<>();
        files.get("audit-trail.json").forEach(e -> audited.add(e.path("entity_type").asText() + " " + e.path("action").asText()));
        for (String event : List.of("patient created", "visit recorded", "session logged", "session commented",
                "patient_export requested")) {
            assertTrue(audited.contains(event), event + " in " + audited);
        }
        assertTrue(!audited.contains("exercise unrelated"), "another entity type's event: " + audited);
        // Committed: the row, and the audit events of request, build and download.
        assertEquals(List.of("READY"), data.query("select status from patient_export where id = cast(? as uuid)", id));
        assertEquals(List.of("built", "downloaded", "requested"), data.query("""
                select action from audit_event where entity_type = 'patient_export' and entity_id = ? order by action""", id));

        // A new export is possible once the first is ready; the first expires after the TTL.
        clock.shift(Duration.ofDays(8));
        as(token).get("/v1/me/exports/" + id + "/download").then().statusCode(410)
                .body("type", equalTo("https://glide.example/problems/export-expired"));
        job.runOnce();
        as(token).get("/v1/me/exports/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertEquals(List.of(true), data.query("select content is null from patient_export where id = cast(? as uuid)", id));
        as(token).get("/v1/me/exports/" + id + "/download").then().statusCode(410);
        // EXPIRED rows (no file) are deleted 30 days after their expiry.
        clock.shift(Duration.ofDays(8 + 30));
        job.runOnce();
        assertEquals(List.of(), data.query("select status from patient_export where id = cast(? as uuid)", id));
    }

    @Test
    void aNewExportRetiresTheReadyOneAndAFailedOneSaysSo() {
        String token = history.patient().accessToken();
        String first = as(token).post("/v1/me/exports").then().statusCode(202).extract().path("id");
        job.runOnce();
        as(token).get("/v1/me/exports/" + first).then().statusCode(200).body("status", equalTo("READY"));
        String second = as(token).post("/v1/me/exports").then().statusCode(202).extract().path("id");
        // At most one downloadable export: the first is retired.
        as(token).get("/v1/me/exports/" + first + "/download").then().statusCode(410)
                .body("type", equalTo("https://glide.example/problems/export-expired"));
        assertEquals(List.of("EXPIRED|true"), data.query(
                "select status || '|' || (content is null) from patient_export where id = cast(? as uuid)", first));
        data.execute("""
                update patient_export set status = 'FAILED', failure = 'too-large: test', completed_at = now()
                where id = cast(? as uuid)""", second);
        as(token).get("/v1/me/exports/" + second + "/download").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/export-failed"));
    }

    @Test
    void staffOfTheCareTeamAndTheAdminExportNobodyElse() {
        String path = "/v1/patients/" + history.patientId() + "/exports";
        ClinicWorld other = ClinicWorld.create(data, "Export other clinic");
        as(world.therapistB().accessToken()).post(path).then().statusCode(404);
        as(other.admin().accessToken()).post(path).then().statusCode(404);
        as(other.therapistA().accessToken()).post(path).then().statusCode(404);
        as(history.patient().accessToken()).post(path).then().statusCode(403);
        api().post(path).then().statusCode(401);
        assertEquals(0L, count("select count(*) from patient_export where patient_id = ?"));

        String id = as(world.therapistA().accessToken()).post(path).then().statusCode(202)
                .body("patientId", equalTo(history.patientId().toString())).extract().path("id");
        as(world.admin().accessToken()).post(path).then().statusCode(409);
        job.runOnce();
        as(world.admin().accessToken()).get(path + "/" + id).then().statusCode(200).body("status", equalTo("READY"))
                .body("downloadPath", equalTo(path + "/" + id + "/download"));
        as(world.therapistB().accessToken()).get(path + "/" + id).then().statusCode(404);
        as(other.admin().accessToken()).get(path + "/" + id + "/download").then().statusCode(404);
        // Another patient's export id under this patient's path is not found.
        as(world.admin().accessToken()).get("/v1/patients/" + world.patient().id() + "/exports/" + id).then().statusCode(404);
        as(world.admin().accessToken()).get(path + "/" + id + "/download").then().statusCode(200).contentType("application/zip");
        assertEquals(List.of(world.admin().userId()), data.query("""
                select actor_user_id from audit_event where entity_type = 'patient_export' and entity_id = ?
                and action = 'downloaded'""", id));
    }

    @Test
    void anExportWhoseBuilderDiedIsBuiltByTheNextRunOnceItsLeaseIsOver() {
        String token = history.patient().accessToken();
        String id = as(token).post("/v1/me/exports").then().statusCode(202).extract().path("id");
        // A replica claimed it and was killed: RUNNING, lease not over yet.
        data.execute("update patient_export set status = 'RUNNING', attempts = 1, claimed_until = ? where id = cast(? as uuid)",
                clock.instant().plus(Duration.ofMinutes(5)), id);
        job.runOnce();
        as(token).get("/v1/me/exports/" + id).then().statusCode(200).body("status", equalTo("RUNNING"));
        clock.shift(Duration.ofMinutes(6));
        job.runOnce();
        as(token).get("/v1/me/exports/" + id).then().statusCode(200).body("status", equalTo("READY"));
        assertEquals(List.of(2), data.query("select attempts from patient_export where id = cast(? as uuid)", id));
        assertEquals(List.of(1L), data.query(
                "select count(*) from audit_event where entity_id = ? and action = 'built'", id));
    }

    long count(String sql) {
        return ((Number) data.query(sql, history.patientId()).get(0)).longValue();
    }

    static Map<String, JsonNode> unzip(byte[] zip) throws IOException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), JSON.readTree(in.readAllBytes()));
            }
        }
        return files;
    }
}
