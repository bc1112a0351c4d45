package app.glide.outcome;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clinic's licensed wording: loaded as a FHIR R4 Questionnaire that must match the instrument's
 * structure exactly (each mismatch a specific 422, nothing stored), read back, clinic-scoped, and
 * shown in the instrument reads in the caller's language with the English and structure fallbacks.
 * The texts here are placeholders, not the licensed ones.
 */
@QuarkusTest
class WordingApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Wording clinic");
    }

    /** A complete STarT Back wording in {@code lang}: "Statement n (lang)", answers "code (lang)". */
    static Map<String, Object> startBack(String lang) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item item : StartBack.DEFINITION.items()) {
            List<Map<String, Object>> options = new ArrayList<>();
            item.options().forEach(o -> options.add(Map.of("valueCoding", Map.of("code", o.code(),
                    "display", o.code() + " (" + lang + ")"))));
            items.add(new LinkedHashMap<>(Map.of("linkId", item.id(), "text", "Statement " + item.id() + " (" + lang + ")",
                    "type", "choice", "answerOption", options)));
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("resourceType", "Questionnaire");
        q.put("url", "https://clinic.example/fhir/Questionnaire/" + StartBack.ID);
        q.put("version", "1");
        q.put("status", "active");
        q.put("item", items);
        return q;
    }

    String path(String lang) {
        return "/v1/clinic/instruments/" + StartBack.ID + "/wordings/" + lang;
    }

    long wordings() {
        return ((Number) data.query("select count(*) from outcome_wording where clinic_id = ?", world.clinicId()).get(0))
                .longValue();
    }

    @Test
    void aMatchingWordingIsStoredReadBackAndShownInTheCallersLanguage() {
        String admin = world.admin().accessToken();
        as(admin).body(startBack("de")).put(path("de")).then().statusCode(201).body("status", equalTo("active"));
        as(admin).body(startBack("de")).put(path("de")).then().statusCode(200);
        as(world.therapistA().accessToken()).get(path("DE")).then().statusCode(200)
                .body("item[0].text", equalTo("Statement startback-1 (de)"));
        as(admin).get(path("en")).then().statusCode(404);

        String phone = world.patientSession().accessToken();
        JsonPath structureOnly = as(phone).get("/v1/instruments/" + StartBack.ID).then().statusCode(200).extract()
                .jsonPath();
        assertNull(structureOnly.get("language"));
        assertNull(structureOnly.get("items[0].text"));
        assertEquals(true, structureOnly.getBoolean("licensedWording"));
        JsonPath german = as(phone).header("Accept-Language", "de-CH, en;q=0.5").get("/v1/instruments/" + StartBack.ID)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("de", german.getString("language"));
        assertEquals("Statement startback-9 (de)", german.getString("items[8].text"));
        assertEquals("very-much (de)", german.getString("items[8].answerOptions[3].text"));
        assertEquals(1, german.getInt("items[8].answerOptions[3].score"));

        as(admin).body(startBack("en")).put(path("en")).then().statusCode(201);
        JsonPath french = as(phone).header("Accept-Language", "fr").get("/v1/instruments").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> sb = french.getMap("items.find { it.id == 'startback-9' }");
        assertEquals("en", sb.get("language"), "no French: the clinic's English");
        Map<String, Object> nprs = french.getMap("items.find { it.id == 'nprs' }");
        assertEquals("en", nprs.get("language"), "our own English text");
        JsonPath nprsGerman = as(phone).header("Accept-Language", "de").get("/v1/instruments/" + Nprs.ID).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("de", nprsGerman.getString("language"));
        assertEquals(true, nprsGerman.getString("items[0].text").startsWith("Ihre Rücken"));
        assertEquals(2, wordings());

        // Another clinic sees neither the wording nor its texts.
        ClinicWorld other = ClinicWorld.create(data, "Other wording clinic");
        as(other.admin().accessToken()).get(path("de")).then().statusCode(404);
        assertNull(as(other.patientSession().accessToken()).header("Accept-Language", "de")
                .get("/v1/instruments/" + StartBack.ID).then().statusCode(200).extract().jsonPath().get("language"));
    }

    @Test
    void everyMismatchIsASpecific422AndStoresNothing() {
        String admin = world.admin().accessToken();
        Map<String, Object> notQ = startBack("de");
        notQ.put("resourceType", "Patient");
        Map<String, Object> wrongVersion = startBack("de");
        wrongVersion.put("version", "2");
        Map<String, Object> wrongUrl = startBack("de");
        wrongUrl.put("url", "https://clinic.example/fhir/Questionnaire/odi-2.1a");
        Map<String, Object> wrongLanguage = startBack("de");
        wrongLanguage.put("language", "fr");
        Map<String, Object> unknownLink = startBack("de");
        item(unknownLink, 0).put("linkId", "startback-10");
        Map<String, Object> unknownCode = startBack("de");
        item(unknownCode, 8).put("answerOption", List.of(Map.of("valueCoding", Map.of("code", "a-lot", "display", "x"))));
        Map<String, Object> missingItem = startBack("de");
        ((List<?>) missingItem.get("item")).remove(4);
        Map<String, Object> noText = startBack("de");
        item(noText, 2).put("text", " ");
        Map<String, Object> missingCode = startBack("de");
        item(missingCode, 0).put("answerOption", List.of(Map.of("valueCoding", Map.of("code", "agree", "display", "ja"))));
        Map<Map<String, Object>, String> expected = new LinkedHashMap<>();
        expected.put(notQ, "wording-not-a-questionnaire");
        expected.put(wrongVersion, "wording-instrument-mismatch");
        expected.put(wrongUrl, "wording-instrument-mismatch");
        expected.put(wrongLanguage, "wording-instrument-mismatch");
        expected.put(unknownLink, "wording-unknown-link-id");
        expected.put(unknownCode, "wording-unknown-answer-code");
        expected.put(missingItem, "wording-incomplete");
        expected.put(noText, "wording-incomplete");
        expected.put(missingCode, "wording-incomplete");
        expected.forEach((body, slug) -> as(admin).body(body).put(path("de")).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/" + slug)));
        as(admin).body(missingItem).put(path("de")).then().body("errors[0].message",
                equalTo("item startback-5 is not worded"));
        assertEquals(0, wordings());
    }

    @Test
    void onlyTheClinicsAdminLoadsAWording() {
        as(world.therapistA().accessToken()).body(startBack("de")).put(path("de")).then().statusCode(403);
        as(world.patientSession().accessToken()).body(startBack("de")).put(path("de")).then().statusCode(403);
        as(world.patientSession().accessToken()).get(path("de")).then().statusCode(403);
        api().contentType("application/json").body(startBack("de")).put(path("de")).then().statusCode(401);
        api().get(path("de")).then().statusCode(401);
        api().get("/v1/instruments").then().statusCode(401);
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).contentType("application/json")
                .body(startBack("de")).put(path("d")).then().statusCode(400);
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).contentType("application/json")
                .body(startBack("de")).put("/v1/clinic/instruments/odi-9/wordings/de").then().statusCode(404);
        sendingInvalidRequest().auth().oauth2(world.patientSession().accessToken()).get("/v1/instruments/odi-9").then()
                .statusCode(404);
        assertEquals(0, wordings());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> q, int index) {
        return ((List<Map<String, Object>>) q.get("item")).get(index);
    }

    @Test
    void aDueQuestionnaireCarriesTheClinicsWordingInThePatientsLanguageAndTheEtagFollowsIt() {
        String therapist = world.therapistA().accessToken();
        String phone = world.patientSession().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201);
        as(therapist).body(Map.of("atEvaluation", true, "atDischarge", false))
                .put(patientPath + "/outcome-schedules/" + StartBack.ID).then().statusCode(201);
        String structureOnly = as(phone).header("Accept-Language", "de").get("/v1/me/plan").then().statusCode(200)
                .extract().header("ETag");
        assertNull(as(phone).header("Accept-Language", "de").get("/v1/me/today").then().statusCode(200).extract()
                .jsonPath().get("dueQuestionnaires[0].language"));
        // The plan's texts follow the language too (docs/languages.md), so an English phone has its own ETag.
        String englishBefore = as(phone).header("Accept-Language", "en").get("/v1/me/plan").then().statusCode(200)
                .extract().header("ETag");

        as(world.admin().accessToken()).body(startBack("de")).put(path("de")).then().statusCode(201);
        var german = as(phone).header("Accept-Language", "de").header("If-None-Match", structureOnly)
                .get("/v1/me/plan").then().statusCode(200).extract();
        assertNotEquals(structureOnly, german.header("ETag"),
                "the loaded wording changed the body");
        assertEquals("de", german.jsonPath().getString("dueQuestionnaires[0].language"));
        assertEquals("Statement startback-1 (de)", german.jsonPath().getString("dueQuestionnaires[0].items[0].text"));
        assertEquals("agree (de)", german.jsonPath().getString("dueQuestionnaires[0].items[0].answerOptions[1].text"));
        JsonPath today = as(phone).header("Accept-Language", "de-AT").get("/v1/me/today").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Statement startback-9 (de)", today.getString("dueQuestionnaires[0].items[8].text"));
        // A phone in English gets the structure (no English wording loaded): its ETag is unchanged, no texts.
        var english = as(phone).header("Accept-Language", "en").get("/v1/me/plan").then().statusCode(200).extract();
        assertEquals(englishBefore, english.header("ETag"));
        assertNull(english.jsonPath().get("dueQuestionnaires[0].items[0].text"));
        // Without Accept-Language, the patient's own locale chooses the wording (as it does the plan's texts).
        String noHeaderBefore = as(phone).get("/v1/me/plan").then().statusCode(200).extract().header("ETag");
        as(phone).body(Map.of("locale", "de")).patch("/v1/me").then().statusCode(200);
        var byLocale = as(phone).get("/v1/me/plan").then().statusCode(200).extract();
        assertEquals("de", byLocale.jsonPath().getString("dueQuestionnaires[0].language"));
        assertEquals("Statement startback-1 (de)", byLocale.jsonPath().getString("dueQuestionnaires[0].items[0].text"));
        assertNotEquals(noHeaderBefore, byLocale.header("ETag"));
    }

    @Test
    void textThatCannotBeStoredAnywhereInTheTreeIs400AndStoresNothing() throws Exception {
        String admin = world.admin().accessToken();
        String clean = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(startBack("de"));
        // Escapes as the client sends them: a NUL in a value, a NUL in a field name, a lone surrogate.
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(clean.replace("Statement startback-1 (de)", "Pa\\u0000in"), "item[0].text");
        bodies.put(clean.replace("\"display\":\"disagree (de)\"", "\"display\":\"disagree (de)\",\"x\\u0000y\":\"z\""),
                "item[0].answerOption[0].valueCoding");
        bodies.put(clean.replace("\"status\":\"active\"", "\"status\":\"active\",\"\\u0000\":1"), "body");
        bodies.put(clean.replace("Statement startback-9 (de)", "a\\ud800b"), "item[8].text");
        bodies.forEach((body, field) -> {
            assertNotEquals(clean, body, "the test body holds the bad text");
            as(admin).contentType("application/json").body(body).put(path("de")).then().statusCode(400)
                    .body("type", equalTo("https://glide.example/problems/validation"))
                    .body("errors[0].field", equalTo(field));
        });
        assertEquals(0, wordings());
        as(admin).contentType("application/json").body(clean).put(path("de")).then().statusCode(201);
    }
}
