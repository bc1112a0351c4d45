package app.glide.visit;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The soreness windows the integrator's rules ask for (issue 14, item 3), from visits recorded
 * through the API: needling and manual therapy open one each (taping and education none), for
 * the clinic's window; only the current version counts; one statement per call.
 */
@QuarkusTest
class SorenessWindowsTest {

    @Inject
    TestData data;

    @Inject
    SorenessWindows windows;

    @Inject
    Sql sql;

    ClinicWorld world;
    LocalDate today;
    Instant needled;
    Instant manual;
    String visitId;
    String etag;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Soreness clinic");
        needled = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        manual = needled.plus(Duration.ofMinutes(20));
        // The visit's date is the needling's (treatment times must be on it, or the night after).
        today = needled.atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        var created = as(world.therapistA().accessToken()).body(Visits.body(today, List.of(Visits.needling(needled),
                        Visits.manual(manual), Visits.taping(needled, needled.plus(Duration.ofDays(2))),
                        Visits.education(needled))))
                .post(visits()).then().statusCode(201).extract();
        visitId = created.path("id");
        etag = created.header("ETag");
    }

    String visits() {
        return "/v1/patients/" + world.patient().id() + "/visits";
    }

    UUID patient() {
        return world.patient().id();
    }

    @Test
    void needlingAndManualTherapyOpenAWindowOfTheClinicsLength() {
        long before = sql.executed();
        List<SorenessWindow> all = windows.windows(patient(), needled.minus(Duration.ofDays(1)), needled.plus(Duration.ofDays(3)));
        assertEquals(1, sql.executed() - before, "one statement");
        UUID visit = UUID.fromString(visitId);
        assertEquals(List.of(
                new SorenessWindow(needled, needled.plus(Duration.ofHours(48)), "DRY_NEEDLING", visit),
                new SorenessWindow(manual, manual.plus(Duration.ofHours(48)), "MANUAL_THERAPY", visit)), all);
        // Overlap, both ends: a range that ends before the first treatment, or starts after the last window.
        assertEquals(List.of(), windows.windows(patient(), needled.minus(Duration.ofDays(2)), needled.minusSeconds(1)));
        assertEquals(1, windows.windows(patient(), needled.plus(Duration.ofHours(48)), needled.plus(Duration.ofDays(9))).size(),
                "the needling window has ended ([start, end)); the manual therapy one has not");
        assertEquals(List.of(), windows.windows(patient(), manual.plus(Duration.ofHours(48)), manual.plus(Duration.ofDays(9))));

        before = sql.executed();
        assertEquals("MANUAL_THERAPY", windows.openAt(patient(), needled.plus(Duration.ofHours(47))).orElseThrow()
                .interventionType(), "the window lasting longest");
        assertEquals(1, sql.executed() - before, "one statement");
        assertTrue(windows.openAt(patient(), needled.minusSeconds(1)).isEmpty());
        assertTrue(windows.openAt(patient(), manual.plus(Duration.ofHours(48))).isEmpty());
        assertTrue(windows.windows(world.therapistA().userId(), needled.minus(Duration.ofDays(1)), needled.plus(Duration.ofDays(3)))
                .isEmpty(), "only the patient's own");
    }

    @Test
    void theClinicSettingSetsTheLengthAndZeroSwitchesWindowsOff() {
        settings(24);
        assertEquals(needled.plus(Duration.ofHours(24)), windows.openAt(patient(), needled.plus(Duration.ofMinutes(5)))
                .orElseThrow().end());
        assertTrue(windows.openAt(patient(), manual.plus(Duration.ofHours(25))).isEmpty());
        settings(0);
        assertTrue(windows.windows(patient(), needled.minus(Duration.ofDays(1)), needled.plus(Duration.ofDays(3))).isEmpty());
        assertTrue(windows.openAt(patient(), needled).isEmpty());
    }

    @Test
    void onlyTheCurrentVersionCounts() {
        Map<String, Object> a = Visits.body(today, List.of(Visits.education(needled)));
        a.put("reason", "No needling was done after all");
        as(world.therapistA().accessToken()).header("If-Match", etag).body(a)
                .post(visits() + "/" + visitId + "/amendments").then()
                .statusCode(200);
        assertTrue(windows.windows(patient(), needled.minus(Duration.ofDays(1)), needled.plus(Duration.ofDays(3))).isEmpty());
        assertTrue(windows.openAt(patient(), needled.plus(Duration.ofHours(1))).isEmpty());
    }

    void settings(int hours) {
        Map<String, Object> s = new HashMap<>(as(world.admin().accessToken()).get("/v1/clinic/settings").then()
                .statusCode(200).extract().jsonPath().getMap(""));
        s.remove("effectiveEmergencyNumber");
        s.values().removeIf(v -> v == null);
        s.put("sorenessWindowHours", hours);
        as(world.admin().accessToken()).body(s).put("/v1/clinic/settings").then().statusCode(200);
    }
}
