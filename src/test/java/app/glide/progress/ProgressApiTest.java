package app.glide.progress;

import static app.glide.testing.Actors.sessionBody;
import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.plan.PatientCalendar;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The progress series against what the patient logged through the API: a plan made ten days
 * ago (the TestClock), sessions on three past days, a next-morning answer, a revision by the
 * therapist and a red flag; then the day and week buckets, the markers, and what it costs.
 */
@QuarkusTest
class ProgressApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    SessionFactory sessions;

    @Inject
    Sql sql;

    ClinicWorld world;
    String planId;
    String bridgeItem;
    String walkItem;
    LocalDate today;

    /** A logged session: its day, pains, extent and the completion the server gave it. */
    record Logged(LocalDate day, int before, int peak, int after, String extent, double completion) {
    }

    final List<Logged> logged = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Progress clinic");
        clock.toDaysAgo(10, BERLIN);
        JsonPath plan = as(world.therapistA().accessToken())
                .body(planBody("Start", 20)).put(planPath()).then().statusCode(201).extract().jsonPath();
        clock.reset();
        planId = plan.getString("id");
        bridgeItem = plan.getString("items[0].id");
        walkItem = plan.getString("items[1].id");
        today = LocalDate.now(BERLIN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A bridge and a walk of {@code walkMinutes}, both every day. */
    Map<String, Object> planBody(String reason, int walkMinutes) {
        return Map.of("reason", reason, "items", List.of(
                Map.of("exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)),
                Map.of("exerciseId", Actors.exerciseId(world.therapistA(), "walking-short-flat"),
                        "dosage", Map.of("durationMinutes", walkMinutes), "schedule", Map.of("daysOfWeek", EVERY_DAY))));
    }

    String planPath() {
        return "/v1/patients/" + world.patient().id() + "/plan";
    }

    String therapistPath() {
        return "/v1/patients/" + world.patient().id() + "/progress";
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    /** Logs a session at 18:00 Berlin, {@code daysAgo} days back; returns its id. */
    String log(int daysAgo, int before, int peak, int after, String extent, List<Map<String, Object>> items) {
        LocalDate day = today.minusDays(daysAgo);
        OffsetDateTime start = day.atTime(LocalTime.of(18, 0)).atZone(BERLIN).toOffsetDateTime();
        String id = UUID.randomUUID().toString();
        float completion = as(phone()).body(sessionBody(planId, 1, start, 25, before, peak, after, 4, extent, items))
                .put("/v1/me/sessions/" + id).then().statusCode(201).extract().path("completion");
        logged.add(new Logged(day, before, peak, after, extent, completion));
        return id;
    }

    static Map<String, Object> item(String itemId, String status, Object... fields) {
        Map<String, Object> m = new HashMap<>(Map.of("itemId", itemId, "status", status));
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        return m;
    }

    /** Three days of sessions (two on one day), a morning answer, then a revision by the therapist. */
    String history() {
        log(6, 2, 4, 3, "BUTTOCK", List.of(item(bridgeItem, "DONE", "sets", 2, "reps", 8),
                item(walkItem, "PARTIAL", "durationMinutes", 10)));
        String morning = log(5, 4, 6, 5, "THIGH", List.of(item(bridgeItem, "DONE"),
                item(walkItem, "SKIPPED", "skipReason", "NO_TIME")));
        log(5, 3, 5, 4, "BACK_ONLY", List.of(item(bridgeItem, "DONE", "reps", 10), item(walkItem, "DONE")));
        log(3, 3, 5, 2, "BACK_ONLY", List.of(item(bridgeItem, "PARTIAL", "sets", 1, "reps", 10),
                item(walkItem, "DONE", "durationMinutes", 20)));
        as(phone()).body(Map.of("answer", "BETTER", "pain", 3)).put("/v1/me/sessions/" + morning + "/morning-check")
                .then().statusCode(200);
        String etag = as(world.therapistA().accessToken()).get(planPath()).then().statusCode(200).extract()
                .header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(planBody("Easier walk", 15)).put(planPath()).then().statusCode(200);
        return morning;
    }

    JsonPath series(String token, String path, String from, String to, String bucket) {
        var request = as(token).queryParam("bucket", bucket);
        if (from != null) {
            request.queryParam("from", from).queryParam("to", to);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    static double mean(List<Logged> in, java.util.function.ToIntFunction<Logged> f) {
        return Math.round(in.stream().mapToInt(f).average().orElseThrow() * 100) / 100.0;
    }

    @Test
    void dayBucketsMatchWhatWasLoggedAndTheAdherenceNumbers() {
        history();
        JsonPath s = series(phone(), "/v1/me/progress", today.minusDays(6).toString(), today.toString(), "DAY");
        assertEquals(today.toString(), s.getString("today"));
        List<Map<String, Object>> buckets = s.getList("buckets");
        assertEquals(7, buckets.size(), "one bucket a day, today included");
        double expectedSum = 0;
        double doneSum = 0;
        for (int i = 0; i < 7; i++) {
            LocalDate day = today.minusDays(6 - i);
            String at = "buckets[" + i + "].";
            assertEquals(day.toString(), s.getString(at + "start"));
            assertEquals(day.toString(), s.getString(at + "end"));
            List<Logged> that = logged.stream().filter(l -> l.day().equals(day)).toList();
            assertEquals(that.size(), s.getInt(at + "sessions"), day.toString());
            // One fixed-day item every day: 1 expected a day up to yesterday; today not yet (nothing done).
            assertEquals(day.equals(today) ? 0.0 : 1.0, s.getDouble(at + "sessionsExpected"), 1e-9, day.toString());
            double done = Math.min(1.0, that.stream().mapToDouble(Logged::completion).sum());
            assertEquals(done, s.getDouble(at + "sessionsDone"), 0.005, day.toString());
            expectedSum += s.getDouble(at + "sessionsExpected");
            doneSum += done;
            if (that.isEmpty()) {
                assertNull(s.get(at + "painBefore"));
                assertNull(s.get(at + "worstSymptomExtent"));
                assertEquals(0.0, s.getDouble(at + "sessionsDone"), 1e-9);
                assertTrue(s.getList(at + "items").isEmpty());
            } else {
                assertEquals(mean(that, Logged::before), s.getDouble(at + "painBefore"), 1e-9);
                assertEquals(mean(that, Logged::peak), s.getDouble(at + "painPeak"), 1e-9);
                assertEquals(mean(that, Logged::after), s.getDouble(at + "painAfter"), 1e-9);
            }
        }
        // Day -5: two sessions, the worse extent; the morning answer of one of them.
        assertEquals("THIGH", s.getString("buckets[1].worstSymptomExtent"));
        assertEquals(3.0, s.getDouble("buckets[1].nextMorningPain"), 1e-9);
        assertNull(s.get("buckets[0].nextMorningPain"), "no morning answer for day -6");
        // Doses as logged: day -5 bridge done twice, reps reported once (10); walk done once, skipped once.
        Map<String, Object> bridge = dose(s, 1, bridgeItem);
        assertEquals(2, bridge.get("timesDone"));
        assertEquals(0, bridge.get("timesSkipped"));
        assertEquals(10.0, ((Number) bridge.get("reps")).doubleValue(), 1e-9);
        assertFalse(bridge.containsKey("sets"), "never reported that day");
        Map<String, Object> walk = dose(s, 1, walkItem);
        assertEquals(1, walk.get("timesDone"));
        assertEquals(1, walk.get("timesSkipped"));
        assertEquals(8.0, ((Number) dose(s, 0, bridgeItem).get("reps")).doubleValue(), 1e-9);
        assertEquals(10.0, ((Number) dose(s, 0, walkItem).get("durationMinutes")).doubleValue(), 1e-9);
        // The same numbers as the adherence view over the same 7 days.
        float adherence7d = as(phone()).get("/v1/me/adherence").then().statusCode(200).extract().path("adherence7d");
        assertEquals(adherence7d, doneSum / expectedSum, 0.001);
        // The therapist's answer is the phone's.
        JsonPath staff = series(world.therapistA().accessToken(), therapistPath(), today.minusDays(6).toString(),
                today.toString(), "DAY");
        assertEquals(s.getMap(""), staff.getMap(""));
    }

    static Map<String, Object> dose(JsonPath s, int bucket, String itemId) {
        List<Map<String, Object>> items = s.getList("buckets[" + bucket + "].items");
        return items.stream().filter(i -> itemId.equals(i.get("itemId"))).findFirst().orElseThrow();
    }

    @Test
    void weekBucketsRunMondayToSundayClippedToTheRange() {
        history();
        LocalDate from = today.minusDays(13);
        JsonPath s = series(world.therapistA().accessToken(), therapistPath(), from.toString(), today.toString(), "WEEK");
        List<Map<String, Object>> buckets = s.getList("buckets");
        LocalDate start = from;
        for (int i = 0; i < buckets.size(); i++) {
            LocalDate end = PatientCalendar.weekStart(start).plusDays(6);
            end = end.isAfter(today) ? today : end;
            String at = "buckets[" + i + "].";
            assertEquals(start.toString(), s.getString(at + "start"));
            assertEquals(end.toString(), s.getString(at + "end"));
            LocalDate a = start;
            LocalDate b = end;
            List<Logged> that = logged.stream().filter(l -> !l.day().isBefore(a) && !l.day().isAfter(b)).toList();
            assertEquals(that.size(), s.getInt(at + "sessions"));
            if (!that.isEmpty()) {
                assertEquals(mean(that, Logged::before), s.getDouble(at + "painBefore"), 1e-9);
                assertEquals(mean(that, Logged::after), s.getDouble(at + "painAfter"), 1e-9);
            }
            start = end.plusDays(1);
        }
        assertEquals(today.plusDays(1), start, "the buckets cover the range without gaps");
        assertEquals(logged.size(), buckets.stream().mapToInt(b -> (Integer) b.get("sessions")).sum());
        // Markers: revision 1 ten days ago, revision 2 today.
        List<Map<String, Object>> markers = s.getList("markers");
        List<Map<String, Object>> revisions = markers.stream().filter(m -> "PLAN_REVISION".equals(m.get("kind"))).toList();
        assertEquals(2, revisions.size(), markers.toString());
        assertEquals(1, revisions.get(0).get("revision"));
        assertEquals("CREATED", revisions.get(0).get("revisionKind"));
        assertEquals(today.minusDays(10).toString(), revisions.get(0).get("date"));
        assertEquals(2, revisions.get(1).get("revision"));
        assertEquals(today.toString(), revisions.get(1).get("date"));
        assertEquals(planId, revisions.get(1).get("planId"));
        // A range after the first revision leaves it out.
        JsonPath recent = series(phone(), "/v1/me/progress", today.minusDays(2).toString(), today.toString(), "WEEK");
        assertEquals(1, recent.getList("markers").size());
    }

    @Test
    void aFlareUpIsASpanFromItsReportToTheRevisionThatEndsIt() {
        as(phone()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then()
                .statusCode(201);
        List<Map<String, Object>> open = series(phone(), "/v1/me/progress", null, null, "DAY").getList("markers");
        Map<String, Object> flare = open.stream().filter(m -> "FLARE_UP".equals(m.get("kind"))).findFirst().orElseThrow();
        assertEquals(today.toString(), flare.get("date"));
        assertFalse(flare.containsKey("endDate"), "still going");
        String etag = as(world.therapistA().accessToken()).get(planPath()).then().extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", etag).body(Map.of("reason", "Settled"))
                .post(planPath() + "/flare-up/end").then().statusCode(200);
        List<Map<String, Object>> ended = series(phone(), "/v1/me/progress", null, null, "DAY").getList("markers");
        flare = ended.stream().filter(m -> "FLARE_UP".equals(m.get("kind"))).findFirst().orElseThrow();
        assertEquals(today.toString(), flare.get("endDate"));
        assertEquals(2, ended.stream().filter(m -> "PLAN_REVISION".equals(m.get("kind")) && today.toString()
                .equals(m.get("date"))).count(), "the flare-up's revision and the one ending it: " + ended);
    }

    long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    @Test
    void aYearCostsTheSameHandfulOfStatementsAsAWeek() {
        history();
        String staff = world.therapistA().accessToken();
        series(staff, therapistPath(), today.minusDays(6).toString(), today.toString(), "DAY"); // revisions cached
        long before = statements();
        series(staff, therapistPath(), today.minusDays(6).toString(), today.toString(), "DAY");
        long week = statements() - before;
        before = statements();
        series(staff, therapistPath(), today.minusDays(365).toString(), today.toString(), "DAY");
        long year = statements() - before;
        assertEquals(week, year, "no statement per day");
        assertTrue(week <= 8, week + " statements");
    }
}
