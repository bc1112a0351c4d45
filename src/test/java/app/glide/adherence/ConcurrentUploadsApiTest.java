package app.glide.adherence;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: a phone coming back online uploads a fortnight of sessions at once. The
 * adherence snapshot the caseload reads must end as the stored sessions say, whatever order
 * the uploads' transactions ran and committed in.
 */
@QuarkusTest
class ConcurrentUploadsApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // what Actors.createPatient gives
    static final int UPLOADS = 14;
    static final int ROUNDS = 5;
    static final DateTimeFormatter RFC3339 = Actors.RFC3339;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    record Patient(UUID id, String token, String planId, String itemId) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCaseloadAgreesWithTheStoredSessionsAfterConcurrentUploadsOnDifferentDays() throws Exception {
        ClinicWorld world = ClinicWorld.create(data, "Concurrent uploads clinic");
        String bridge = as(world.therapistA().accessToken()).queryParam("q", "glute-bridge").get("/v1/exercises").then()
                .statusCode(200).extract().jsonPath().getString("items.find { it.slug == 'glute-bridge' }.id");
        List<String> stale = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Patient p = patientWithPlan(world, bridge, "Round " + round);
                upload(pool, p);
                String mismatch = compare(world, p);
                if (mismatch != null) {
                    stale.add("round " + round + ": " + mismatch);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), stale, "the caseload disagreed with the stored sessions in " + stale.size() + " of "
                + ROUNDS + " rounds");
    }

    Patient patientWithPlan(ClinicWorld world, String bridge, String name) {
        Actors.NewPatient np = Actors.createPatient(world.therapistA(), name);
        Actors.Session phone = Actors.enrol(np.code());
        List<String> everyDay = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        // The plan began three weeks ago, so every uploaded day counts against it.
        clock.toDaysAgo(21, BERLIN);
        JsonPath plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", bridge,
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", everyDay)))))
                .put("/v1/patients/" + np.id() + "/plan").then().statusCode(201).extract().jsonPath();
        clock.reset();
        return new Patient(np.id(), phone.accessToken(), plan.getString("id"), plan.getString("items[0].id"));
    }

    /** One session on each of the last UPLOADS local days, all sent at once; every one is stored (201). */
    void upload(ExecutorService pool, Patient p) throws Exception {
        OffsetDateTime latest = OffsetDateTime.now(BERLIN).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int k = 0; k < UPLOADS; k++) {
            OffsetDateTime start = latest.atZoneSameInstant(BERLIN).minusDays(k).toOffsetDateTime();
            Map<String, Object> s = new HashMap<>();
            s.put("planId", p.planId());
            s.put("planRevision", 1);
            s.put("startedAt", RFC3339.format(start));
            s.put("endedAt", RFC3339.format(start.plusMinutes(20)));
            s.put("painBefore", (k * 3) % 11); // differs by day, so a missing day shows in the average
            s.put("painPeak", 4);
            s.put("painAfter", 2);
            s.put("difficulty", 5);
            s.put("symptomExtent", "THIGH");
            s.put("items", List.of(Map.of("itemId", p.itemId(), "status", "DONE")));
            String id = UUID.randomUUID().toString();
            calls.add(() -> {
                // As a phone does: a 503 (the patient's writes queue behind each other: the
                // bulkhead, the lock timeout) is retried with the same id until it is stored.
                for (int attempt = 1; ; attempt++) {
                    int status = as(p.token()).body(s).put("/v1/me/sessions/" + id).then().extract().statusCode();
                    if (status != 503 || attempt == 10) {
                        return status == 200 ? 201 : status; // 200: an earlier attempt was stored
                    }
                    Thread.sleep(300);
                }
            });
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        assertEquals(UPLOADS, statuses.stream().filter(s -> s == 201).count(), "every upload stored: " + statuses);
    }

    /** Null when the caseload row, the patient's adherence and the stored rows agree; else what differs. */
    String compare(ClinicWorld world, Patient p) {
        // The caseload first: reading the patient's adherence recomputes the snapshot.
        JsonPath caseload = as(world.therapistA().accessToken()).queryParam("limit", 100).get("/v1/caseload").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> row = caseload.getMap("items.find { it.patientId == '" + p.id() + "' }");
        JsonPath mine = as(p.token()).get("/v1/me/adherence").then().statusCode(200).extract().jsonPath();

        // What the stored rows say.
        LocalDate today = LocalDate.now(BERLIN);
        Instant lastEnded = app.glide.db.SqlValues.instant(data.query(
                "select ended_at from session_log where patient_id = ?1 order by started_at desc limit 1", p.id()).get(0));
        BigDecimal pain = (BigDecimal) data.query("""
                select round(avg(pain_before), 2) from session_log
                where patient_id = ?1 and local_date between ?2 and ?3""", p.id(), today.minusDays(6), today).get(0);
        long days = ((Number) data.query("select count(distinct local_date) from session_log where patient_id = ?1",
                p.id()).get(0)).longValue();

        Map<String, Object> stored = new HashMap<>();
        stored.put("adherence7d", 1.0); // every day done in full
        stored.put("painAvg7d", pain.doubleValue());
        stored.put("lastSessionAt", lastEnded);
        Map<String, Object> patientView = new HashMap<>();
        patientView.put("adherence7d", number(mine.get("adherence7d")));
        patientView.put("painAvg7d", number(mine.get("painAvg7d")));
        patientView.put("lastSessionAt", Instant.parse(mine.getString("lastSessionAt")));
        Map<String, Object> caseloadView = new HashMap<>();
        caseloadView.put("adherence7d", number(row.get("adherence7d")));
        caseloadView.put("painAvg7d", number(row.get("painAvg7d")));
        caseloadView.put("lastSessionAt", row.get("lastSessionAt") == null ? null : Instant.parse((String) row.get("lastSessionAt")));
        assertEquals(stored, patientView, "the patient's adherence is computed from the stored rows");
        assertEquals(UPLOADS, days);
        assertEquals(UPLOADS, mine.getInt("daysWithData30"));
        return caseloadView.equals(stored) ? null : "caseload " + caseloadView + ", stored rows " + stored;
    }

    /** A JSON number as written (JsonPath reads decimals as floats: 0.4286 would be 0.42860001...). */
    static Double number(Object json) {
        return json == null ? null : Double.valueOf(String.valueOf(json));
    }
}
