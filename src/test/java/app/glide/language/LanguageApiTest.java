package app.glide.language;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.glide.db.Sql;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Content in the patient's language, through the API: Accept-Language (exact, then primary),
 * the patient's locale, the clinic's default, English, the original; per-field fallback;
 * Content-Language and Vary; no 304 across languages; the translation endpoints of a clinic's
 * own exercises and cards and who may use them; rule texts (red flag) in German.
 */
@QuarkusTest
class LanguageApiTest {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    @Inject
    Sql sql;

    ClinicWorld world;
    String therapist;
    String patient;
    String exerciseId;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Language clinic");
        therapist = world.therapistA().accessToken();
        patient = world.patientSession().accessToken();
        Map<String, Object> mine = new HashMap<>(Map.of("slug", "towel-slide-" + System.nanoTime() % 1000000,
                "name", "Towel slide", "category", "STRETCH", "summary", "Slide a towel along the floor.",
                "instructions", List.of("Sit on a chair.", "Slide the towel forward."),
                "cautions", List.of("Stop if your leg tingles."),
                "dosageType", "HOLD", "defaultDosage", Map.of("holdSeconds", 30, "reps", 3)));
        exerciseId = as(therapist).body(mine).post("/v1/exercises").then().statusCode(201).extract().path("id");
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", exerciseId,
                        "dosage", Map.of("holdSeconds", 30, "reps", 3), "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201);
    }

    String translation(String locale) {
        return "/v1/exercises/" + exerciseId + "/translations/" + locale;
    }

    void germanAndFrench() {
        as(therapist).body(Map.of("name", "Handtuch schieben", "summary", "Schieben Sie ein Handtuch über den Boden.",
                "instructions", List.of("Setzen Sie sich auf einen Stuhl.", "Schieben Sie das Handtuch nach vorn.")))
                .put(translation("de")).then().statusCode(201).body("locale", equalTo("de"))
                .body("cautions", nullValue());
        as(therapist).body(Map.of("name", "Glisser la serviette")).put(translation("fr")).then().statusCode(201);
    }

    RequestSpecification phone(String acceptLanguage) {
        RequestSpecification spec = as(patient);
        return acceptLanguage == null ? spec : spec.header("Accept-Language", acceptLanguage);
    }

    Response plan(String acceptLanguage) {
        return phone(acceptLanguage).get("/v1/me/plan");
    }

    String name(Response plan) {
        return plan.then().statusCode(200).extract().jsonPath().getString("exercises[0].name");
    }

    @Test
    void acceptLanguageChoosesExactlyThenByPrimaryLanguageAndEachFieldFallsBack() {
        germanAndFrench();
        // The cautions fall back to the English original, so the body is in German and English.
        plan("de").then().statusCode(200).header("Content-Language", equalTo("de, en"))
                .header("Vary", containsString("Accept-Language"))
                .body("exercises[0].name", equalTo("Handtuch schieben"))
                .body("exercises[0].instructions[1]", equalTo("Schieben Sie das Handtuch nach vorn."))
                // The German translation has no cautions: the original's, for that field only.
                .body("exercises[0].cautions[0]", equalTo("Stop if your leg tingles."));
        assertEquals("Handtuch schieben", name(plan("de-AT")));
        assertEquals("Handtuch schieben", name(plan("it;q=0.9, de-CH;q=0.8, en;q=0.5")));
        // French has a name only: the name is French, the summary the original.
        plan("fr").then().statusCode(200).body("exercises[0].name", equalTo("Glisser la serviette"))
                .body("exercises[0].summary", equalTo("Slide a towel along the floor."))
                .header("Content-Language", equalTo("fr, en")); // the rest is the English original
        // A language nobody wrote: the original (no patient locale, clinic default English).
        assertEquals("Towel slide", name(plan("ja")));
        assertEquals("Towel slide", name(plan(null)));
        // Today carries the same texts.
        phone("de").get("/v1/me/today").then().statusCode(200).header("Content-Language", equalTo("de, en"))
                .header("Vary", containsString("Accept-Language"))
                .body("items[0].exercise.name", equalTo("Handtuch schieben"));
        // The therapists' library too (their own Accept-Language).
        as(therapist).header("Accept-Language", "fr").get("/v1/exercises/" + exerciseId).then().statusCode(200)
                .body("name", equalTo("Glisser la serviette")).header("Content-Language", equalTo("fr, en"));
    }

    @Test
    void thePatientsLocaleThenTheClinicDefaultThenEnglish() {
        germanAndFrench();
        as(patient).body(Map.of("locale", "fr")).patch("/v1/me").then().statusCode(200).body("locale", equalTo("fr"));
        as(patient).get("/v1/me").then().body("locale", equalTo("fr"));
        assertEquals("Glisser la serviette", name(plan("ja")));
        assertEquals("Glisser la serviette", name(plan(null)));
        assertEquals("Handtuch schieben", name(plan("de")), "Accept-Language comes first");
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("locale", null);
        as(patient).body(cleared).patch("/v1/me").then().statusCode(200).body("locale", nullValue());
        assertEquals("Towel slide", name(plan("ja")));
        clinicDefault("de");
        assertEquals("Handtuch schieben", name(plan("ja")));
        assertEquals("Handtuch schieben", name(plan(null)));
        assertEquals("Glisser la serviette", name(plan("fr")));
        // Staff set their own locale too.
        as(therapist).body(Map.of("locale", "de-AT")).patch("/v1/me").then().statusCode(200)
                .body("locale", equalTo("de-AT"));
    }

    @Test
    void aClinicsOwnTextCountsAsWrittenInItsDefaultLanguage() {
        clinicDefault("de");
        Map<String, Object> german = new HashMap<>(Map.of("slug", "handtuch-" + System.nanoTime() % 1000000,
                "name", "Handtuch ziehen", "category", "STRETCH", "summary", "Ziehen Sie ein Handtuch zu sich.",
                "instructions", List.of("Setzen Sie sich.", "Ziehen Sie das Handtuch."),
                "dosageType", "HOLD", "defaultDosage", Map.of("holdSeconds", 30, "reps", 3)));
        String id = as(therapist).body(german).post("/v1/exercises").then().statusCode(201).extract().path("id");
        as(therapist).body(Map.of("name", "Towel pull", "summary", "Pull a towel towards you."))
                .put("/v1/exercises/" + id + "/translations/en").then().statusCode(201);
        // A German reader gets the German original, not the English translation after it in the order.
        as(therapist).header("Accept-Language", "de").get("/v1/exercises/" + id).then().statusCode(200)
                .body("name", equalTo("Handtuch ziehen")).header("Content-Language", equalTo("de"));
        as(therapist).get("/v1/exercises/" + id).then().statusCode(200).body("name", equalTo("Handtuch ziehen"))
                .header("Content-Language", equalTo("de"));
        // An English reader gets the translation; a field it leaves out falls back to the original.
        as(therapist).header("Accept-Language", "en").get("/v1/exercises/" + id).then().statusCode(200)
                .body("name", equalTo("Towel pull")).body("instructions[0]", equalTo("Setzen Sie sich."));
        // Content written before the default changed stays in the language it was written in.
        assertEquals("Towel slide", name(plan(null)), "the plan's exercise was written while the default was English");
        as(therapist).body(Map.of("name", "Handtuch schieben")).put(translation("de")).then().statusCode(201);
        assertEquals("Handtuch schieben", name(plan(null)), "its German translation comes first for a German clinic");
    }

    void clinicDefault(String locale) {
        Map<String, Object> s = new HashMap<>(as(world.admin().accessToken()).get("/v1/clinic/settings").then()
                .statusCode(200).body("defaultLocale", equalTo("en")).extract().jsonPath().getMap(""));
        s.remove("effectiveEmergencyNumber");
        s.values().removeIf(v -> v == null);
        s.put("defaultLocale", locale);
        as(world.admin().accessToken()).body(s).put("/v1/clinic/settings").then().statusCode(200)
                .body("defaultLocale", equalTo(locale));
    }

    @Test
    void aPatchWithoutTheLocaleIsRefusedAndKeepsIt() {
        as(patient).body(Map.of("locale", "de")).patch("/v1/me").then().statusCode(200);
        // Sent past the contract check on purpose: the server itself must refuse it.
        sendingInvalidRequest().auth().oauth2(patient).body(Map.of()).patch("/v1/me").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(patient).get("/v1/me").then().statusCode(200).body("locale", equalTo("de"));
    }

    @Test
    void malformedLocalesAreRefusedAndUnknownOnesAccepted() {
        as(patient).body(Map.of("locale", "de_DE")).patch("/v1/me").then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-locale"));
        as(patient).body(Map.of("locale", "tlh")).patch("/v1/me").then().statusCode(200).body("locale", equalTo("tlh"));
        assertEquals("Towel slide", name(plan(null)), "a locale nobody ships falls back");
        Map<String, Object> s = new HashMap<>(as(world.admin().accessToken()).get("/v1/clinic/settings").then()
                .statusCode(200).extract().jsonPath().getMap(""));
        s.remove("effectiveEmergencyNumber");
        s.values().removeIf(v -> v == null);
        s.put("defaultLocale", "german");
        as(world.admin().accessToken()).body(s).put("/v1/clinic/settings").then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-locale"));
        as(world.admin().accessToken()).get("/v1/clinic/settings").then().body("defaultLocale", equalTo("en"));
    }

    @Test
    void aMalformedOrUnsupportedAcceptLanguageIsNeverAnError() {
        germanAndFrench();
        for (String header : List.of("*", ";;;", "de;q=abc", "de;q=0", "12-34, , ,", "x", "de-AT-toolongsubtag9",
                "*;q=0.5, ,de;q=2", "ü", "de;q=0.5;q=0.9", "a".repeat(900), "zz-ZZ")) {
            plan(header).then().statusCode(200);
            phone(header).get("/v1/me/today").then().statusCode(200);
            as(therapist).header("Accept-Language", header).get("/v1/exercises").then().statusCode(200);
            as(patient).header("Accept-Language", header).get("/v1/education-cards").then().statusCode(200);
        }
        // Malformed parts are skipped, the rest still counts.
        assertEquals("Handtuch schieben", name(plan("*, x_y, de;q=0.7")));
    }

    @Test
    void aNotModifiedIsNeverServedAcrossLanguagesOrTranslationChanges() {
        germanAndFrench();
        String german = plan("de").then().statusCode(200).extract().header("ETag");
        String english = plan(null).then().statusCode(200).extract().header("ETag");
        assertNotEquals(german, english);
        phone("de").header("If-None-Match", german).get("/v1/me/plan").then().statusCode(304)
                .header("Vary", containsString("Accept-Language"));
        phone("fr").header("If-None-Match", german).get("/v1/me/plan").then().statusCode(200)
                .body("exercises[0].name", equalTo("Glisser la serviette"));
        phone(null).header("If-None-Match", german).get("/v1/me/plan").then().statusCode(200)
                .body("exercises[0].name", equalTo("Towel slide"));
        // The clinic changes its German text: the German ETag moves on, the new text is served.
        as(therapist).body(Map.of("name", "Handtuch gleiten lassen")).put(translation("de")).then().statusCode(200)
                .body("summary", nullValue());
        phone("de").header("If-None-Match", german).get("/v1/me/plan").then().statusCode(200)
                .body("exercises[0].name", equalTo("Handtuch gleiten lassen"))
                .body("exercises[0].summary", equalTo("Slide a towel along the floor."));
        // Deleting it falls back at once.
        as(therapist).delete(translation("de")).then().statusCode(204);
        assertEquals("Towel slide", name(plan("de")));
        as(therapist).delete(translation("de")).then().statusCode(404);
    }

    @Test
    void thePlanStaysOneStatementWithTranslationsAndReloadsThemOnceAfterAChange() {
        germanAndFrench();
        plan("de").then().statusCode(200); // warm the caches (revision, translations)
        long before = statements();
        String etag = plan("de").then().statusCode(200).extract().header("ETag");
        assertEquals(1, statements() - before, "the head (with locales and the translation version), nothing else");
        before = statements();
        phone("de").header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(304);
        assertEquals(1, statements() - before, "304: the head only");
        before = statements();
        phone("de").get("/v1/me/today").then().statusCode(200);
        assertEquals(3, statements() - before, "today: head, sessions, care instructions (as before)");
        as(therapist).body(Map.of("name", "Handtuch gleiten lassen")).put(translation("de")).then().statusCode(200);
        before = statements();
        assertEquals("Handtuch gleiten lassen", name(plan("de")));
        assertEquals(2, statements() - before, "the head, then the clinic's translations once");
        before = statements();
        plan("de").then().statusCode(200);
        assertEquals(1, statements() - before, "cached again");
    }

    private long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    @Test
    void translationsOfAClinicsOwnContentOnlyAndCheckedLikeTheOriginals() {
        germanAndFrench();
        as(therapist).get("/v1/exercises/" + exerciseId + "/translations").then().statusCode(200)
                .body("items.locale", equalTo(List.of("de", "fr")));
        as(world.admin().accessToken()).get(translation("DE")).then().statusCode(200)
                .body("name", equalTo("Handtuch schieben"));
        // Patients may not; another clinic's therapist sees no such exercise.
        as(patient).get("/v1/exercises/" + exerciseId + "/translations").then().statusCode(403);
        as(patient).body(Map.of("name", "x")).put(translation("it")).then().statusCode(403);
        ClinicWorld other = ClinicWorld.create(data, "Other language clinic");
        as(other.therapistA().accessToken()).get("/v1/exercises/" + exerciseId + "/translations").then().statusCode(404);
        as(other.therapistA().accessToken()).body(Map.of("name", "x")).put(translation("it")).then().statusCode(404);
        as(other.admin().accessToken()).delete(translation("de")).then().statusCode(404);
        // Shipped content: readable, not writable.
        String shipped = as(therapist).queryParam("q", "glute-bridge").get("/v1/exercises").then().extract().jsonPath()
                .param("slug", "glute-bridge").getString("items.find { it.slug == slug }.id");
        as(therapist).get("/v1/exercises/" + shipped + "/translations").then().statusCode(200);
        as(therapist).body(Map.of("name", "Brücke")).put("/v1/exercises/" + shipped + "/translations/de").then()
                .statusCode(403).body("type", equalTo("https://glide.example/problems/shipped-content"));
        as(therapist).delete("/v1/exercises/" + shipped + "/translations/de").then().statusCode(403);
        // Bad input: nothing written.
        long rows = translationRows();
        as(therapist).body(Map.of("name", "x")).put(translation("de_DE")).then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-locale"));
        as(therapist).body(Map.of()).put(translation("it")).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/translation-empty"));
        sendingInvalidRequest().auth().oauth2(therapist).body(Map.of("name", "")).put(translation("it")).then()
                .statusCode(400).body("type", equalTo("https://glide.example/problems/validation"));
        sendingInvalidRequest().auth().oauth2(therapist).body(Map.of("instructions", List.of())).put(translation("it"))
                .then().statusCode(400).body("errors.field", hasItem(containsString("instructions")));
        sendingInvalidRequest().auth().oauth2(therapist).body(Map.of("name", "x".repeat(121))).put(translation("it"))
                .then().statusCode(400);
        sendingInvalidRequest().auth().oauth2(therapist).body(Map.of("name", "   ")).put(translation("it"))
                .then().statusCode(400);
        assertEquals(rows, translationRows());
        as(therapist).get(translation("it")).then().statusCode(404);
    }

    long translationRows() {
        return ((Number) data.query("select count(*) from exercise_translation").get(0)).longValue();
    }

    @Test
    void educationCardsOfTheClinicInThePatientsLanguage() {
        String card = as(therapist).body(Map.of("slug", "pacing-" + System.nanoTime() % 1000000, "title", "Pacing",
                "body", "Do a little, often.", "tags", List.of("pacing")))
                .post("/v1/education-cards").then().statusCode(201).extract().path("id");
        String path = "/v1/education-cards/" + card + "/translations/de";
        as(therapist).body(Map.of("title", "Das richtige Maß")).put(path).then().statusCode(201);
        // The body is the English original.
        phone("de").get("/v1/education-cards/" + card).then().statusCode(200).header("Content-Language", equalTo("de, en"))
                .body("title", equalTo("Das richtige Maß")).body("body", equalTo("Do a little, often."));
        phone("en").get("/v1/education-cards/" + card).then().statusCode(200).body("title", equalTo("Pacing"));
        as(therapist).get("/v1/education-cards/" + card + "/translations").then().statusCode(200)
                .body("items[0].title", equalTo("Das richtige Maß"));
        as(patient).body(Map.of("title", "x")).put(path).then().statusCode(403);
        ClinicWorld other = ClinicWorld.create(data, "Other card clinic");
        as(other.therapistA().accessToken()).body(Map.of("title", "x")).put(path).then().statusCode(404);
        String shipped = as(therapist).get("/v1/education-cards").then().statusCode(200).extract().jsonPath()
                .getString("find { !it.clinicOwned }.id");
        as(therapist).body(Map.of("title", "x")).put("/v1/education-cards/" + shipped + "/translations/de").then()
                .statusCode(403).body("type", equalTo("https://glide.example/problems/shipped-content"));
        as(therapist).body(Map.of()).put(path).then().statusCode(422);
        as(therapist).delete(path).then().statusCode(204);
        phone("de").get("/v1/education-cards/" + card).then().statusCode(200).body("title", equalTo("Pacing"));
    }

    @Test
    void redFlagAdviceAndTheStopStateInGerman() {
        Map<String, Object> none = Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", false, "worseningLegWeakness", false, "footDrop", false);
        phone("de").body(none).post("/v1/me/red-flag-checks").then().statusCode(201)
                .header("Content-Language", equalTo("de"))
                .body("message", containsString("Vielen Dank"));
        phone(null).body(none).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("message", containsString("Thank you"));
        Map<String, Object> positive = new HashMap<>(none);
        positive.put("footDrop", true);
        phone("de-DE").body(positive).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("message", containsString("ärztlich"));
        String german = plan("de").then().statusCode(200).body("mode", equalTo("STOPPED"))
                .body("stop.message", containsString("ärztlich"))
                .body("stop.actions.label", hasItem(containsString("Notruf")))
                .header("Content-Language", containsString("de")).extract().header("ETag");
        String english = plan("en").then().statusCode(200).body("stop.message", containsString("doctor today"))
                .body("stop.actions.label", not(hasItem(containsString("Notruf")))).extract().header("ETag");
        assertNotEquals(german, english);
        phone("de").get("/v1/me/today").then().statusCode(200).body("stop.actions.label",
                hasItem(containsString("Notruf")));
    }

    @Test
    void theRedFlagPromptInMessagesFollowsThePatientsLocale() {
        as(patient).body(Map.of("locale", "de")).patch("/v1/me").then().statusCode(200);
        as(patient).body(Map.of("body", "Seit heute habe ich Taubheit im Intimbereich."))
                .put("/v1/me/messages/" + java.util.UUID.randomUUID()).then().statusCode(201)
                .body("redFlagCheckInRequested", equalTo(true))
                .body("systemReply.body", equalTo(RuleTexts.text("de", "message.redFlagPrompt")))
                .header("Content-Language", equalTo("de"));
        // The phone's Accept-Language comes before the stored locale.
        phone("en").body(Map.of("body", "Since yesterday I feel numb between my legs."))
                .put("/v1/me/messages/" + java.util.UUID.randomUUID()).then().statusCode(201)
                .body("systemReply.body", equalTo(RuleTexts.text("en", "message.redFlagPrompt")));
    }

    @Test
    void aTherapistSetsThePatientsLocaleAndFlareUpGuidanceFollowsIt() {
        String path = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("locale", "de_AT")).patch(path).then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-locale"));
        as(therapist).body(Map.of("locale", "de-at")).patch(path).then().statusCode(200)
                .body("locale", equalTo("de-AT"));
        as(patient).get("/v1/me").then().body("locale", equalTo("de-AT"));
        as(therapist).body(Map.of("displayName", "Neu", "timeZone", "Europe/Vienna", "locale", "xx-"))
                .post("/v1/patients").then().statusCode(400);
        String created = as(therapist).body(Map.of("displayName", "Neu", "timeZone", "Europe/Vienna", "locale", "de"))
                .post("/v1/patients").then().statusCode(201).extract().path("patient.locale");
        assertEquals("de", created);
        // No Accept-Language: the patient's locale (de-AT, then de) chooses; flare-up guidance too.
        as(patient).body(Map.of("pain", 7, "symptomExtent", "BUTTOCK")).post("/v1/me/flare-ups").then()
                .statusCode(201).header("Content-Language", startsWith("de"))
                .body("message", equalTo(RuleTexts.text("de", "flare.started")));
    }
}
