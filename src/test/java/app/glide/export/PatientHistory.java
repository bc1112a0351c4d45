package app.glide.export;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;

import app.glide.testing.Actors;
import app.glide.testing.Actors.Session;
import app.glide.visit.Visits;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient with a history in most areas, made through the API as the apps would: a plan,
 * a session with a note, a therapist's comment on it, messages both ways, a visit with notes,
 * a registered device and a second sign-in. {@code marker} is written into every free text
 * (and the device name), so a test can look for it afterwards.
 */
public record PatientHistory(UUID patientId, Session patient, String planId, String sessionId, String visitId) {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    public static PatientHistory create(Session therapist, String name, String marker) {
        Actors.NewPatient p = Actors.createPatient(therapist, name);
        String patientPath = "/v1/patients/" + p.id();
        Actors.enrol(p.code());
        // A second sign-in, from a phone the patient named.
        String code = as(therapist.accessToken()).post(patientPath + "/enrolment-code").then().statusCode(201)
                .extract().path("code");
        JsonPath signIn = api().body(Map.of("code", code, "deviceName", marker + "'s phone"))
                .post("/v1/auth/enrol").then().statusCode(200).extract().jsonPath();
        Session patient = new Session(p.id(), signIn.getString("accessToken"), signIn.getString("refreshToken"));

        String visitId = as(therapist.accessToken())
                .body(withNotes(Visits.body(LocalDate.now(ZoneId.of("Europe/Berlin")), List.of()), marker))
                .post(patientPath + "/visits").then().statusCode(201).extract().path("id");
        JsonPath plan = as(therapist.accessToken())
                .body(Map.of("reason", "Start for " + marker, "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(therapist, "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put(patientPath + "/plan").then().statusCode(201).extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> session = Actors.sessionBody(plan.getString("id"), plan.getInt("revision"), start, 20,
                3, 4, 2, 5, "BUTTOCK", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE")));
        session.put("note", "Felt fine, " + marker);
        String sessionId = UUID.randomUUID().toString();
        as(patient.accessToken()).body(session).put("/v1/me/sessions/" + sessionId).then().statusCode(201);
        as(therapist.accessToken()).body(Map.of("body", "Well done " + marker))
                .post(patientPath + "/sessions/" + sessionId + "/comments").then().statusCode(201);
        as(patient.accessToken()).body(Map.of("body", "Hello, this is " + marker))
                .put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(201);
        as(therapist.accessToken()).body(Map.of("body", "Hi " + marker + ", see you Monday"))
                .post(patientPath + "/messages").then().statusCode(201);
        as(patient.accessToken()).body(Map.of("platform", "APNS", "pushToken", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""), "appVersion", "2.3.1",
                        "locale", "en", "timeZone", "Europe/Berlin"))
                .put("/v1/me/devices/" + UUID.randomUUID()).then().statusCode(201);
        return new PatientHistory(p.id(), patient, plan.getString("id"), sessionId, visitId);
    }

    /**
     * The plan replaced, revision 1 restored and the plan ended, each with a reason naming
     * {@code marker}: the reasons stay in plan_revision (clinical record), never in the audit trail.
     */
    public void replaceRestoreAndEndPlan(Session therapist, String marker) {
        String path = "/v1/patients/" + patientId;
        String etag = as(therapist.accessToken()).get(path + "/plan").then().statusCode(200).extract().header("ETag");
        etag = as(therapist.accessToken()).header("If-Match", etag)
                .body(Map.of("reason", "Harder for " + marker, "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(therapist, "glute-bridge"),
                        "dosage", Map.of("sets", 3, "reps", 12), "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put(path + "/plan").then().statusCode(200).extract().header("ETag");
        etag = as(therapist.accessToken()).header("If-Match", etag).body(Map.of("reason", "Back to start, " + marker))
                .post(path + "/plan/revisions/1/restore").then().statusCode(200).extract().header("ETag");
        as(therapist.accessToken()).header("If-Match", etag).body(Map.of("reason", "Done, " + marker))
                .post(path + "/plan/end").then().statusCode(204);
    }

    private static Map<String, Object> withNotes(Map<String, Object> visit, String marker) {
        Map<String, Object> v = new HashMap<>(visit);
        v.put("clinicalNote", "Seen " + marker + ": L5 radicular pain.");
        v.put("patientNote", "Keep walking, " + marker + ".");
        return v;
    }
}
