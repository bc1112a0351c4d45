package app.glide.fhir;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FHIR export of a patient with a full history (see {@link FhirHistory}): it validates against
 * the base R4 definitions with no error, holds what the API shows, keeps its ids from one export to
 * the next, and reads a bounded number of statements.
 */
@QuarkusTest
class FhirExportApiTest {

    static FhirHistory history;

    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    @Inject
    Sql sql;

    @BeforeEach
    void setUp() {
        if (history == null) {
            history = FhirHistory.build(data, "FHIR export clinic");
        }
    }

    UUID patientId() {
        return history.world().patient().id();
    }

    String path() {
        return "/v1/patients/" + patientId() + "/fhir";
    }

    String export(String token) {
        return as(token).get(path()).then().statusCode(200).contentType("application/fhir+json")
                .extract().asString();
    }

    static Bundle parse(String json) {
        return FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
    }

    static Map<String, Long> counts(Bundle bundle) {
        return bundle.getEntry().stream().collect(Collectors.groupingBy(e -> e.getResource().fhirType(), TreeMap::new,
                Collectors.counting()));
    }

    static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static void assertValid(String json) {
        var messages = OfflineR4Validator.validate(json);
        var errors = OfflineR4Validator.errors(messages);
        assertEquals(0, errors.size(), OfflineR4Validator.describe(errors));
        // What the validator still says (warnings, information), once per kind: listed in docs/fhir.md.
        messages.stream().collect(Collectors.groupingBy(m -> m.getLevel() + " " + m.getMessageId(), TreeMap::new,
                Collectors.counting())).forEach((kind, n) -> System.out.println("FHIR validation: " + kind + " x" + n));
    }

    long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    @Test
    void theFullHistoryValidatesWithNoErrorAndHoldsEveryKindOfRecord() {
        long before = statements();
        String json = export(history.world().therapistA().accessToken());
        long used = statements() - before;
        System.out.println("FHIR export of a full history: " + used + " statements");
        assertTrue(used <= 16, "bounded statements per export, was " + used);
        assertValid(json);
        Bundle bundle = parse(json);
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        Map<String, Long> counts = counts(bundle);
        assertEquals(1L, counts.get("Patient"));
        assertEquals(1L, counts.get("Organization"));
        assertEquals(1L, counts.get("CarePlan"));
        assertEquals(2L, counts.get("ServiceRequest"));
        assertEquals(1L, counts.get("Encounter"));
        assertEquals(1L, counts.get("Procedure"));
        assertEquals(1L, counts.get("QuestionnaireResponse"));
        assertEquals(2L, counts.get("Communication"));
        assertEquals(1L, counts.get("Flag"));
        List<Observation> observations = all(bundle, Observation.class);
        long pain = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("72514-3")).count();
        assertEquals(3 * 3 + 1, pain, "before, peak and after per session, and the morning check");
        assertEquals(3, observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("55411-3"))
                .count(), "one activity observation per session");
        JsonPath raw = JsonPath.from(json);
        List<String> ids = raw.getList("entry.resource.id");
        assertEquals(ids.stream().map(id -> "urn:uuid:" + id).toList(), raw.getList("entry.fullUrl"));
        assertEquals(ids.size(), ids.stream().distinct().count(), "each resource once");
        // The revisions as the API lists them: one Provenance each.
        List<Map<String, Object>> revisions = as(history.world().therapistA().accessToken()).queryParam("limit", 100)
                .get(FhirHistory.plan(patientId()) + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertTrue(revisions.size() >= 3, "created, adjusted, flare-up: " + revisions.size());
        assertEquals(revisions.size(), counts.get("Provenance"));
    }

    @Test
    void aRoundTripGivesBackThePlanItemsDosesAndRevisions() {
        Bundle bundle = parse(export(history.world().admin().accessToken()));
        JsonPath plan = as(history.world().therapistA().accessToken()).get(FhirHistory.plan(patientId())).then()
                .statusCode(200).extract().jsonPath();
        List<ServiceRequest> requests = all(bundle, ServiceRequest.class);
        List<Map<String, Object>> items = plan.getList("items");
        assertEquals(items.size(), requests.size());
        Map<String, String> slugById = plan.getList("exercises", Map.class).stream()
                .collect(Collectors.toMap(e -> (String) e.get("id"), e -> (String) e.get("slug")));
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> prescribed = (Map<String, Object>) item.get("prescribed");
            String slug = slugById.get((String) prescribed.get("exerciseId"));
            ServiceRequest request = requests.stream()
                    .filter(r -> r.getIdentifierFirstRep().getValue().equals(slug)).findFirst().orElseThrow();
            assertEquals("229065009", request.getCode().getCodingFirstRep().getCode());
            assertEquals("urn:uuid:" + plan.getString("id"), request.getBasedOnFirstRep().getReference());
            @SuppressWarnings("unchecked")
            Map<String, Object> dosage = (Map<String, Object>) prescribed.get("dosage");
            if (dosage.get("reps") != null) {
                assertEquals(((Number) dosage.get("reps")).intValue(), request.getQuantityQuantity().getValue().intValue());
                assertTrue(request.getPatientInstruction().contains(dosage.get("reps") + " reps"),
                        request.getPatientInstruction());
            }
            if (dosage.get("durationMinutes") != null) {
                assertTrue(request.getPatientInstruction().contains(dosage.get("durationMinutes") + " min"),
                        request.getPatientInstruction());
                assertEquals(5, request.getOccurrenceTiming().getRepeat().getFrequency());
            }
        }
        List<Map<String, Object>> revisions = as(history.world().therapistA().accessToken()).queryParam("limit", 100)
                .get(FhirHistory.plan(patientId()) + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("items");
        List<String> reasons = all(bundle, Provenance.class).stream().map(p -> p.getReasonFirstRep().getText()).sorted()
                .toList();
        assertEquals(revisions.stream().map(r -> (String) r.get("reason")).sorted().toList(), reasons);
        assertTrue(reasons.contains("Easy last week"));
    }

    @Test
    void aClientThatAcceptsOnlyPlainJsonGetsTheSameBundle() {
        String token = history.world().therapistA().accessToken();
        List<String> ids = parse(export(token)).getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
        String plain = as(token).header("Accept", "application/json").get(path()).then().statusCode(200)
                .contentType("application/json").header("Content-Type", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("qs="))).extract().asString();
        assertValid(plain);
        assertEquals(ids, parse(plain).getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
        // FHIR's own type is preferred whenever the client accepts it.
        as(token).header("Accept", "*/*").get(path()).then().statusCode(200).contentType("application/fhir+json");
        as(token).header("Accept", "application/json, application/fhir+json").get(path()).then().statusCode(200)
                .contentType("application/fhir+json");
        as(history.world().patientSession().accessToken()).header("Accept", "application/json").get("/v1/me/fhir")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void repeatedExportsGiveTheSameIdsAndThePatientGetsTheSameBundle() {
        List<String> first = parse(export(history.world().therapistA().accessToken())).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl).toList();
        List<String> second = parse(export(history.world().admin().accessToken())).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl).toList();
        // Asked for gzip (RestAssured asks and decodes), the Bundle is compressed like the API's own JSON.
        String mine = as(history.world().patientSession().accessToken()).header("Accept-Encoding", "gzip")
                .get("/v1/me/fhir").then().statusCode(200).header("Content-Encoding", "gzip")
                .contentType("application/fhir+json").extract().asString();
        assertValid(mine);
        assertEquals(first, second);
        assertEquals(first, parse(mine).getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
        assertTrue(first.contains("urn:uuid:" + patientId()));
    }

    @Test
    void outsidersGet404PatientsGet403AndNoTokenIs401() {
        for (var who : List.of(history.world().therapistB(), history.other().therapistA(), history.other().admin())) {
            as(who.accessToken()).get(path()).then().statusCode(404)
                    .body("type", equalTo("https://glide.example/problems/not-found"));
        }
        as(history.world().patientSession().accessToken()).get(path()).then().statusCode(403);
        as(history.other().patientSession().accessToken()).get(path()).then().statusCode(403);
        as(history.world().therapistA().accessToken()).get("/v1/me/fhir").then().statusCode(403);
        as(history.world().admin().accessToken()).get("/v1/me/fhir").then().statusCode(403);
        api().get(path()).then().statusCode(401);
        api().get("/v1/me/fhir").then().statusCode(401);
        // Another clinic's patient's own export holds nothing of this one.
        String theirs = as(history.other().patientSession().accessToken()).get("/v1/me/fhir").then().statusCode(200)
                .extract().asString();
        assertTrue(!theirs.contains(patientId().toString()));
    }
}
