package app.glide.visit;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Bad input" for visits: each refusal a specific problem, and nothing
 * half-written (no visit, version, intervention or audit event after a refused record; the
 * visit unchanged after a refused amendment).
 */
@QuarkusTest
class VisitBadInputApiTest {

    static final String PROBLEMS = "https://glide.example/problems/";

    @Inject
    TestData data;

    ClinicWorld world;
    LocalDate today;
    Instant at;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Visit input clinic");
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        at = Visits.earlierToday(Duration.ofHours(1));
    }

    String visits() {
        return "/v1/patients/" + world.patient().id() + "/visits";
    }

    String token() {
        return world.therapistA().accessToken();
    }

    long count(String table) {
        return ((Number) data.query("select count(*) from " + table + " where " + (table.equals("visit_version")
                ? "visit_id in (select id from visit where patient_id = ?)" : "patient_id = ?"), world.patient().id())
                .get(0)).longValue();
    }

    void nothingWritten() {
        assertEquals(0, count("visit"), "visits");
        assertEquals(0, count("visit_version"), "versions");
        assertEquals(0, count("visit_intervention"), "interventions");
        assertEquals(0L, ((Number) data.query("select count(*) from audit_event where entity_type = 'visit'"
                + " and details ->> 'patientId' = ?", world.patient().id().toString()).get(0)).longValue(), "audit");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    void anSlrAngleOutside0To90IsAValidationProblemNamingTheField() {
        Map<String, Object> b = Visits.body(today, List.of(Visits.needling(at)));
        at(at(at(b, "findings"), "straightLegRaise"), "left").put("angleDegrees", 95);
        sendingInvalidRequest().auth().oauth2(token()).body(b).post(visits()).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("findings.straightLegRaise.left.angleDegrees"));
        at(at(at(b, "findings"), "straightLegRaise"), "left").put("angleDegrees", -1);
        sendingInvalidRequest().auth().oauth2(token()).body(b).post(visits()).then().statusCode(400)
                .body("errors.field", hasItem("findings.straightLegRaise.left.angleDegrees"));
        nothingWritten();
    }

    @Test
    void aReflexGradeOutsideTheScaleIsAValidationProblemNamingTheField() {
        Map<String, Object> b = Visits.body(today, List.of());
        at(at(at(at(b, "findings"), "neuro"), "reflexes"), "knee").put("left", 5);
        sendingInvalidRequest().auth().oauth2(token()).body(b).post(visits()).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("findings.neuro.reflexes.knee.left"));
        nothingWritten();
    }

    @Test
    void radiculopathyWithoutALevelIsAValidationProblem() {
        Map<String, Object> b = Visits.body(today, List.of());
        at(at(b, "findings"), "workingClassification").put("category", "RADICULOPATHY");
        as(token()).body(b).post(visits()).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("findings.workingClassification.level"));
        nothingWritten();
    }

    @Test
    void aTapeWornUntilBeforeItWasAppliedIs422AndNothingIsWritten() {
        // Valid interventions first: the refusal of the last must leave none of them behind.
        Map<String, Object> b = Visits.body(today, List.of(Visits.needling(at), Visits.manual(at),
                Visits.taping(at, at.minus(Duration.ofMinutes(5)))));
        as(token()).body(b).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "taping-wear-invalid"))
                .body("errors[0].field", equalTo("interventions[2].taping.wearUntil"));
        as(token()).body(Visits.body(today, List.of(Visits.taping(at, at.plus(Duration.ofDays(8))))))
                .post(visits()).then().statusCode(422).body("type", equalTo(PROBLEMS + "taping-wear-invalid"));
        nothingWritten();
    }

    @Test
    void needlingWithoutConsentIs422() {
        Map<String, Object> n = Visits.needling(at);
        at(n, "dryNeedling").put("consentRecorded", false);
        as(token()).body(Visits.body(today, List.of(n))).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "needling-consent-missing"));
        nothingWritten();
    }

    @Test
    void anInterventionGivenBySomeoneWhoIsNotATherapistOfTheClinicIs422() {
        ClinicWorld other = ClinicWorld.create(data, "Other input clinic");
        for (UUID stranger : List.of(UUID.randomUUID(), other.therapistAInfo().id(), world.patient().id())) {
            Map<String, Object> m = Visits.manual(at);
            m.put("givenBy", stranger.toString());
            as(token()).body(Visits.body(today, List.of(m))).post(visits()).then().statusCode(422)
                    .body("type", equalTo(PROBLEMS + "therapist-not-found"))
                    .body("errors[0].field", equalTo("interventions[0].givenBy"));
        }
        nothingWritten();
        // A colleague of the clinic may be named.
        Map<String, Object> m = Visits.manual(at);
        m.put("givenBy", world.therapistBInfo().id().toString());
        as(token()).body(Visits.body(today, List.of(m))).post(visits()).then().statusCode(201)
                .body("interventions[0].givenBy", equalTo(world.therapistBInfo().id().toString()));
    }

    @Test
    void detailsThatDoNotMatchTheTypeAndDatesOutOfOrderAreValidationProblems() {
        Map<String, Object> wrong = new HashMap<>(Visits.manual(at));
        wrong.put("type", "DRY_NEEDLING");
        Map<String, Object> b = Visits.body(today, List.of(wrong));
        b.put("nextVisitOn", today.minusDays(1).toString());
        as(token()).body(b).post(visits()).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", equalTo(List.of("nextVisitOn", "interventions[0].manualTherapy",
                        "interventions[0].dryNeedling")));
        as(token()).body(Visits.body(today.plusDays(1), List.of())).post(visits()).then().statusCode(400)
                .body("errors[0].field", equalTo("visitDate"));
        nothingWritten();
    }

    @Test
    void datesAndTimesOutOfRangeAreSpecificProblemsNeverA500() {
        // The reviewer's values: a year 300000 treatment time was a database error (22008).
        Map<String, Object> far = Visits.manual(at);
        far.put("givenAt", "+300000-01-01T00:00:00Z");
        sendingInvalidRequest().auth().oauth2(token()).body(Visits.body(today, List.of(far))).post(visits()).then()
                .statusCode(422).body("type", equalTo(PROBLEMS + "intervention-time-out-of-range"))
                .body("errors[0].field", equalTo("interventions[0].givenAt"));
        for (String when : List.of("2090-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                today.minusDays(1).atTime(12, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant().toString())) {
            Map<String, Object> m = Visits.needling(at);
            m.put("givenAt", when);
            as(token()).body(Visits.body(today, List.of(Visits.education(at), m))).post(visits()).then()
                    .statusCode(422).body("type", equalTo(PROBLEMS + "intervention-time-out-of-range"))
                    .body("errors.field", equalTo(List.of("interventions[1].givenAt")));
        }
        Map<String, Object> tape = Visits.taping(at, at.plus(Duration.ofDays(2)));
        at(tape, "taping").put("appliedAt", "2090-01-01T00:00:00Z");
        as(token()).body(Visits.body(today, List.of(tape))).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "intervention-time-out-of-range"))
                .body("errors[0].field", equalTo("interventions[0].taping.appliedAt"));
        // A visit date stored as -infinity before.
        Map<String, Object> ancient = Visits.body(today, List.of());
        ancient.put("visitDate", "-5000-01-01");
        sendingInvalidRequest().auth().oauth2(token()).body(ancient).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "visit-date-out-of-range"))
                .body("errors[0].field", equalTo("visitDate"));
        as(token()).body(Visits.body(today.minusYears(5).minusDays(1), List.of())).post(visits()).then()
                .statusCode(422).body("type", equalTo(PROBLEMS + "visit-date-out-of-range"));
        Map<String, Object> later = Visits.body(today, List.of());
        later.put("nextVisitOn", today.plusYears(1).plusDays(1).toString());
        as(token()).body(later).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "next-visit-out-of-range"))
                .body("errors[0].field", equalTo("nextVisitOn"));
        later.put("nextVisitOn", "+999999999-12-31");
        sendingInvalidRequest().auth().oauth2(token()).body(later).post(visits()).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "next-visit-out-of-range"));
        nothingWritten();
        // The bounds themselves are fine.
        Map<String, Object> oldest = Visits.body(today.minusYears(5), List.of());
        oldest.put("nextVisitOn", today.minusYears(4).toString());
        as(token()).body(oldest).post(visits()).then().statusCode(201)
                .body("visitDate", equalTo(today.minusYears(5).toString()));
    }

    @Test
    void aRefusedAmendmentLeavesTheVisitAsItWas() {
        var created = as(token()).body(Visits.body(today, List.of(Visits.needling(at)))).post(visits()).then()
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        Map<String, Object> a = Visits.body(today, List.of(Visits.taping(at, at.minus(Duration.ofHours(1)))));
        a.put("reason", "Add the tape");
        as(token()).header("If-Match", etag).body(a).post(visits() + "/" + id + "/amendments").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "taping-wear-invalid"));
        Map<String, Object> noReason = Visits.body(today, List.of());
        sendingInvalidRequest().auth().oauth2(token()).header("If-Match", etag).body(noReason)
                .post(visits() + "/" + id + "/amendments").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        noReason.put("reason", " ");
        as(token()).header("If-Match", etag).body(noReason).post(visits() + "/" + id + "/amendments").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        // Spaces that @NotBlank and strip() do not know: no visible character is as blank as none.
        for (String invisible : List.of("\u00a0", "\u200b", "\u3000\u00a0\u202f")) {
            noReason.put("reason", invisible);
            as(token()).header("If-Match", etag).body(noReason).post(visits() + "/" + id + "/amendments").then()
                    .statusCode(400).body("type", equalTo(PROBLEMS + "validation"))
                    .body("errors.field", equalTo(List.of("reason")))
                    .body("errors[0].message", equalTo("must contain a visible character"));
        }
        Map<String, Object> invisibleTechnique = Visits.body(today, List.of(Visits.manual(at)));
        invisibleTechnique.put("reason", "Technique corrected");
        invisibleTechnique.put("interventions", List.of(Map.of("type", "MANUAL_THERAPY", "givenAt", at.toString(),
                "manualTherapy", Map.of("technique", "\u00a0", "region", "L4-L5"))));
        as(token()).header("If-Match", etag).body(invisibleTechnique).post(visits() + "/" + id + "/amendments").then()
                .statusCode(400).body("errors.field", equalTo(List.of("interventions[0].manualTherapy.technique")));
        Map<String, Object> fine = Visits.body(today, List.of());
        fine.put("reason", "No such visit");
        as(token()).header("If-Match", etag).body(fine).post(visits() + "/" + UUID.randomUUID() + "/amendments").then()
                .statusCode(404);
        // A valid amendment without If-Match (or with *) is 428, as for plans.
        fine.put("reason", "Forgot the ETag");
        sendingInvalidRequest().auth().oauth2(token()).body(fine).post(visits() + "/" + id + "/amendments").then()
                .statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        as(token()).header("If-Match", "*").body(fine).post(visits() + "/" + id + "/amendments").then()
                .statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        assertEquals(1, count("visit_version"));
        assertEquals(List.of("DRY_NEEDLING"), data.query("select kind from visit_intervention where visit_id = ?",
                UUID.fromString(id)));
        as(token()).get(visits() + "/" + id).then().statusCode(200).body("currentVersion", equalTo(1));
    }

    @Test
    void theSorenessWindowSettingIsBounded() {
        Map<String, Object> s = new HashMap<>(as(world.admin().accessToken()).get("/v1/clinic/settings").then()
                .statusCode(200).body("sorenessWindowHours", equalTo(48)).extract().jsonPath().getMap(""));
        s.remove("effectiveEmergencyNumber");
        s.values().removeIf(v -> v == null);
        s.put("sorenessWindowHours", 169);
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).body(s).put("/v1/clinic/settings").then()
                .statusCode(400).body("errors[0].field", equalTo("sorenessWindowHours"));
        s.put("sorenessWindowHours", 72);
        as(world.admin().accessToken()).body(s).put("/v1/clinic/settings").then().statusCode(200)
                .body("sorenessWindowHours", equalTo(72));
    }
}
