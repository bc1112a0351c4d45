package app.glide.testing;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creating and signing in users through the API, as the apps would. */
public final class Actors {

    /** RFC 3339 to the second, as the phone sends times (UTC as {@code Z}). */
    public static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /**
     * A session upload as the phone sends it, mutable so that a test can add or change a field:
     * the plan revision it was done against, start and length, NPRS before / at peak / after,
     * difficulty, how far symptoms reached, and the items.
     */
    public static Map<String, Object> sessionBody(String planId, int revision, OffsetDateTime start, int minutes,
                                                  int painBefore, int painPeak, int painAfter, int difficulty,
                                                  String symptomExtent, List<?> items) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("planId", planId);
        s.put("planRevision", revision);
        s.put("startedAt", RFC3339.format(start));
        s.put("endedAt", RFC3339.format(start.plusMinutes(minutes)));
        s.put("painBefore", painBefore);
        s.put("painPeak", painPeak);
        s.put("painAfter", painAfter);
        s.put("difficulty", difficulty);
        s.put("symptomExtent", symptomExtent);
        s.put("items", items);
        return s;
    }

    private Actors() {
    }

    public record Session(UUID userId, String accessToken, String refreshToken) {
    }

    public record NewPatient(UUID id, String code) {
    }

    public record Staff(UUID id, String email) {
    }

    public static Session login(String email) {
        return login(email, TestData.PASSWORD);
    }

    public static Session login(String email, String password) {
        return session(api().body(Map.of("email", email, "password", password))
                .post("/v1/auth/login").then().statusCode(200).extract().jsonPath());
    }

    public static Session enrol(String code) {
        return session(api().body(Map.of("code", code, "deviceName", "Test phone"))
                .post("/v1/auth/enrol").then().statusCode(200).extract().jsonPath());
    }

    public static Staff createTherapist(Session admin, String name) {
        String email = "therapist-" + UUID.randomUUID() + "@clinic.example";
        UUID id = UUID.fromString(as(admin.accessToken())
                .body(Map.of("email", email, "displayName", name, "initialPassword", TestData.PASSWORD))
                .post("/v1/therapists").then().statusCode(201).extract().path("id"));
        return new Staff(id, email);
    }

    public static NewPatient createPatient(Session therapist, String name) {
        return createPatient(therapist, name, "Europe/Berlin");
    }

    public static NewPatient createPatient(Session therapist, String name, String timeZone) {
        JsonPath body = as(therapist.accessToken())
                .body(Map.of("displayName", name, "timeZone", timeZone))
                .post("/v1/patients").then().statusCode(201).extract().jsonPath();
        return new NewPatient(UUID.fromString(body.getString("patient.id")), body.getString("enrolmentCode.code"));
    }

    /** A library exercise's id by its slug, as a therapist's app finds it. */
    public static String exerciseId(Session therapist, String slug) {
        return as(therapist.accessToken()).queryParam("q", slug).get("/v1/exercises").then().extract()
                .jsonPath().param("slug", slug).getString("items.find { it.slug == slug }.id");
    }

    /**
     * The plan revision a phone had when a session started: the newest made before it (a
     * session naming a revision made after it started does not count towards it); the first
     * one for a session backdated before the plan.
     */
    public static int revisionAt(Session therapist, String planPath, OffsetDateTime start) {
        List<Map<String, Object>> revisions = as(therapist.accessToken()).queryParam("limit", 100)
                .get(planPath + "/revisions").then().statusCode(200).extract().jsonPath().getList("items");
        return revisions.stream()
                .filter(r -> !Instant.parse((String) r.get("createdAt")).isAfter(start.toInstant()))
                .mapToInt(r -> (Integer) r.get("revision")).max().orElse(1);
    }

    private static Session session(JsonPath body) {
        return new Session(UUID.fromString(body.getString("user.id")), body.getString("accessToken"),
                body.getString("refreshToken"));
    }

    /**
     * A clinic with an admin, two therapists and one enrolled patient of therapist A.
     * Therapist B is in the same clinic but not on the patient's care team.
     */
    public record ClinicWorld(UUID clinicId, Session admin, Session therapistA, Staff therapistAInfo,
                              Session therapistB, Staff therapistBInfo, NewPatient patient, Session patientSession) {

        public static ClinicWorld create(TestData data, String name) {
            TestData.NewClinic clinic = data.clinicWithAdmin(name);
            Session admin = login(clinic.adminEmail());
            Staff a = createTherapist(admin, "Ada " + name);
            Staff b = createTherapist(admin, "Ben " + name);
            Session sa = login(a.email());
            Session sb = login(b.email());
            NewPatient p = createPatient(sa, "Pat " + name);
            Session ps = enrol(p.code());
            return new ClinicWorld(clinic.clinicId(), admin, sa, a, sb, b, p, ps);
        }
    }
}
