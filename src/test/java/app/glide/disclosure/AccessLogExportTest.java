package app.glide.disclosure;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.glide.export.ExportPart;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access log's part of the patient's data export: found by the export, every record up to the export's moment. */
@QuarkusTest
class AccessLogExportTest {

    @Inject
    TestData data;

    @Inject
    AccessRecorder recorder;

    @Inject
    Instance<ExportPart> parts;

    @Inject
    ObjectMapper json;

    @Test
    void theExportCarriesTheAccessLogWithoutClosingItsStream() throws IOException, InterruptedException {
        ClinicWorld w = ClinicWorld.create(data, "Access log export clinic");
        as(w.therapistA().accessToken()).get("/v1/patients/" + w.patient().id() + "/sessions").then().statusCode(200);
        as(w.admin().accessToken()).get("/v1/patients/" + w.patient().id() + "/adherence").then().statusCode(200);
        assertTrue(recorder.awaitWritten(Duration.ofSeconds(10)), "the access log's writer fell behind");
        Instant asOf = Instant.parse(data.<String>query("select to_char(max(occurred_at) at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from patient_access where patient_id = ?", w.patient().id()).get(0));

        ExportPart part = parts.stream().filter(p -> p.fileName().equals("access-log.json")).findFirst().orElseThrow();
        assertEquals(Set.of("patient_access"), part.tables());
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        part.write(w.patient().id(), asOf, out);
        assertFalse(closed[0], "the export's stream stays open");
        JsonNode file = json.readTree(out.toByteArray());
        assertEquals(w.patient().id().toString(), file.get("patientId").asText());
        assertEquals(2, file.get("records").size());
        assertEquals("SESSIONS", file.get("records").get(0).get("what").asText());
        assertEquals("THERAPIST", file.get("records").get(0).get("actorRole").asText());
        assertEquals("ADHERENCE", file.get("records").get(1).get("what").asText());
        assertEquals(w.admin().userId().toString(), file.get("records").get(1).get("actorUserId").asText());

        // A record after the export's moment is not in it.
        part.write(w.patient().id(), asOf.minusNanos(1000), out = new ByteArrayOutputStream());
        assertEquals(1, json.readTree(out.toByteArray()).get("records").size());
    }
}
