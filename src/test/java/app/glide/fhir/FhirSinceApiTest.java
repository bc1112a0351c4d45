package app.glide.fhir;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code _since}: only what changed at or after it (and the parties referred to); bad values are problems. */
@QuarkusTest
class FhirSinceApiTest {

    static final Set<String> PARTIES = Set.of("Patient", "Organization", "Practitioner", "PractitionerRole", "Device");

    static FhirHistory history;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        if (history == null) {
            history = FhirHistory.build(data, "FHIR since clinic");
        }
    }

    String path() {
        return "/v1/patients/" + history.world().patient().id() + "/fhir";
    }

    @Test
    void sinceLeavesOutWhatDidNotChangeAndKeepsWhatDid() {
        ClinicWorld world = history.world();
        String full = as(world.therapistA().accessToken()).get(path()).then().statusCode(200).extract().asString();
        Instant mark = FhirExportApiTest.parse(full).getTimestamp().toInstant().plus(1, ChronoUnit.MILLIS);
        Bundle nothingNew = FhirExportApiTest.parse(as(world.therapistA().accessToken()).queryParam("_since", mark.toString())
                .get(path()).then().statusCode(200).extract().asString());
        for (var entry : nothingNew.getEntry()) {
            assertTrue(PARTIES.contains(entry.getResource().fhirType()), entry.getResource().fhirType());
        }
        String messageId = UUID.randomUUID().toString();
        as(world.patientSession().accessToken()).body(Map.of("body", "Back to work tomorrow, any advice?"))
                .put("/v1/me/messages/" + messageId).then().statusCode(201);
        String json = as(world.patientSession().accessToken()).queryParam("_since", mark.toString()).get("/v1/me/fhir")
                .then().statusCode(200).extract().asString();
        FhirExportApiTest.assertValid(json);
        Bundle incremental = FhirExportApiTest.parse(json);
        var communications = FhirExportApiTest.all(incremental, Communication.class);
        assertEquals(1, communications.size());
        // The phone chose the message id, unique per patient only: the FHIR id is derived from both.
        String fhirId = FhirIds.derived("message", world.patient().id(), messageId);
        assertEquals("urn:uuid:" + fhirId, communications.get(0).getIdElement().getValue());
        assertEquals(0, incremental.getEntry().stream().filter(e -> !PARTIES.contains(e.getResource().fhirType())
                && !(e.getResource() instanceof Communication)).count());
        // The whole record (no _since) still holds everything, with the same id for the new message.
        Bundle all = FhirExportApiTest.parse(as(world.therapistA().accessToken()).get(path()).then().statusCode(200)
                .extract().asString());
        assertTrue(all.getEntry().stream().anyMatch(e -> e.getFullUrl().equals("urn:uuid:" + fhirId)));
        assertTrue(all.getEntry().size() > incremental.getEntry().size());
    }

    @Test
    void aMalformedSinceIs400AndAFutureOneIs422() {
        String token = history.world().therapistA().accessToken();
        for (String bad : new String[] {"yesterday", "2026-11-20T08:00:00", "2026-11-20", "2026-13-01T00:00:00Z"}) {
            sendingInvalidRequest().auth().oauth2(token).queryParam("_since", bad).get(path()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://glide.example/problems/invalid-since"));
        }
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        as(token).queryParam("_since", future).get(path()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glide.example/problems/since-in-future"));
        as(history.world().patientSession().accessToken()).queryParam("_since", future).get("/v1/me/fhir").then()
                .statusCode(422).body("type", equalTo("https://glide.example/problems/since-in-future"));
    }
}
