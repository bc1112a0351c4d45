package app.glide.fhir;

import static app.glide.testing.Api.as;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.visit.Visits;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient with a full history, built through the API as the apps would: a plan of two items, a
 * therapist's adjustment, sessions with pain on three days, a next-morning check, a flare-up the
 * patient reported, a visit with an in-clinic treatment, a PSFS questionnaire, messages both ways
 * and, last, a positive red-flag check (an open red flag).
 */
record FhirHistory(ClinicWorld world, ClinicWorld other, List<String> sessionIds) {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    static String plan(UUID patientId) {
        return "/v1/patients/" + patientId + "/plan";
    }

    static FhirHistory build(TestData data, String name) {
        ClinicWorld world = ClinicWorld.create(data, name);
        ClinicWorld other = ClinicWorld.create(data, "Other " + name);
        String therapist = world.therapistA().accessToken();
        String phone = world.patientSession().accessToken();
        UUID patientId = world.patient().id();

        Map<String, Object> birdDog = Map.of("exerciseId", Actors.exerciseId(world.therapistA(), "bird-dog-arm-only"),
                "dosage", Map.of("sets", 2, "reps", 8, "holdSeconds", 5), "schedule", Map.of("daysOfWeek", EVERY_DAY));
        Map<String, Object> walk = Map.of("exerciseId", Actors.exerciseId(world.therapistA(), "walking-short-flat"),
                "dosage", Map.of("durationMinutes", 10), "schedule", Map.of("sessionsPerWeek", 5));
        String etag = as(therapist).body(Map.of("name", "Sciatica home plan", "reason", "First plan",
                "items", List.of(birdDog, walk))).put(plan(patientId)).then().statusCode(201).extract().header("ETag");
        String itemId = as(therapist).get(plan(patientId)).then().statusCode(200).extract().path("items[0].id");
        as(therapist).header("If-Match", etag)
                .body(Map.of("action", "PROGRESS", "itemId", itemId, "reason", "Easy last week"))
                .post(plan(patientId) + "/adjustments").then().statusCode(200);

        JsonPath served = as(phone).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
        List<String> sessions = new java.util.ArrayList<>();
        // Two to four days ago: the last one's next-morning check (below) is open at any hour. A
        // session of yesterday's date opens it only at 04:00 this morning, patient's time, so
        // between midnight and 04:00 in Berlin (23:00-03:00 UTC) the check was refused (422).
        for (int daysAgo = 4; daysAgo >= 2; daysAgo--) {
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).truncatedTo(ChronoUnit.SECONDS);
            String id = UUID.randomUUID().toString();
            as(phone).body(Actors.sessionBody(served.getString("id"),
                            Actors.revisionAt(world.therapistA(), plan(patientId), start), start, 20,
                            2 + daysAgo % 2, 4, 2, 5, "THIGH",
                            List.of(Map.of("itemId", served.getString("items[0].id"), "status", "DONE"))))
                    .put("/v1/me/sessions/" + id).then().statusCode(201);
            sessions.add(id);
        }
        as(phone).body(Map.of("answer", "BETTER", "pain", 2))
                .put("/v1/me/sessions/" + sessions.get(sessions.size() - 1) + "/morning-check").then().statusCode(200);

        as(phone).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then().statusCode(201);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> manual = new LinkedHashMap<>(Map.of("type", "MANUAL_THERAPY",
                "givenAt", Visits.earlierToday(Duration.ofMinutes(30)).toString(),
                "manualTherapy", Map.of("technique", "Central PA mobilisation", "region", "L4-L5", "grade", "III")));
        as(therapist).body(Visits.body(today, List.of(manual))).post("/v1/patients/" + patientId + "/visits")
                .then().statusCode(201);

        Map<String, Object> psfs = new LinkedHashMap<>();
        psfs.put("instrumentId", "psfs");
        psfs.put("instrumentVersion", "1");
        psfs.put("answeredAt", Actors.RFC3339.format(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0)));
        psfs.put("activities", List.of(Map.of("name", "Sitting at work", "rating", 4),
                Map.of("name", "Walking the dog", "rating", 6), Map.of("name", "Putting on socks", "rating", 5)));
        as(phone).body(psfs).put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(201);

        as(phone).body(Map.of("body", "Is it normal that my thigh aches after the bird-dog?"))
                .put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(201);
        as(therapist).body(Map.of("body", "Yes, mild aching that settles by the next morning is fine."))
                .post("/v1/patients/" + patientId + "/messages").then().statusCode(201);

        Map<String, Object> answers = new HashMap<>(Map.of("saddleNumbness", true, "bladderOrBowelChange", false,
                "symptomsInBothLegs", false, "worseningLegWeakness", false, "footDrop", false));
        as(phone).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201);
        return new FhirHistory(world, other, sessions);
    }
}
