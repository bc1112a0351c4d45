package app.glide.visit;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with visits: the care team records, amends and reads; the clinic admin
 * reads; a therapist not on the care team and anyone of another clinic get 404, as if the
 * visit did not exist; a patient gets 403 on the staff endpoints and sees only their own visits;
 * no token is 401.
 */
@QuarkusTest
class VisitAccessApiTest {

    @Inject
    TestData data;

    ClinicWorld world;
    ClinicWorld other;
    String visitId;
    String etag;
    LocalDate today;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Visit access clinic");
        other = ClinicWorld.create(data, "Other visit clinic");
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var created = as(world.therapistA().accessToken()).body(Visits.body(today, List.of()))
                .post(visits(world.patient().id())).then().statusCode(201).extract();
        visitId = created.path("id");
        etag = created.header("ETag");
    }

    static String visits(UUID patientId) {
        return "/v1/patients/" + patientId + "/visits";
    }

    Map<String, Object> amendment() {
        Map<String, Object> a = Visits.body(today, List.of());
        a.put("reason", "Corrected the date");
        return a;
    }

    /** Each staff operation on world's patient's visit, given a request (token set or not). */
    List<Function<RequestSpecification, io.restassured.response.Response>> operations() {
        String list = visits(world.patient().id());
        String one = list + "/" + visitId;
        return List.of(
                r -> r.body(Visits.body(today, List.of())).post(list),
                r -> r.get(list),
                r -> r.get(one),
                r -> r.header("If-Match", etag).body(amendment()).post(one + "/amendments"));
    }

    long versions() {
        return ((Number) data.query("select count(*) from visit_version where visit_id = ?", UUID.fromString(visitId))
                .get(0)).longValue();
    }

    long visitsOfPatient() {
        return ((Number) data.query("select count(*) from visit where patient_id = ?", world.patient().id()).get(0))
                .longValue();
    }

    @Test
    void outsiders404OnEveryOperation() {
        for (Session who : List.of(world.therapistB(), other.therapistA())) {
            for (var op : operations()) {
                op.apply(as(who.accessToken())).then().statusCode(404)
                        .body("type", equalTo("https://glide.example/problems/not-found"));
            }
        }
        assertEquals(1, versions(), "nothing amended");
        assertEquals(1, visitsOfPatient(), "nothing recorded");
    }

    /** Another clinic's admin: the reads are 404; the writes are therapist-only (403 before any lookup). */
    @Test
    void anotherClinicsAdminCannotReadAndMayNotWrite() {
        String list = visits(world.patient().id());
        as(other.admin().accessToken()).get(list).then().statusCode(404);
        as(other.admin().accessToken()).get(list + "/" + visitId).then().statusCode(404);
        as(other.admin().accessToken()).body(Visits.body(today, List.of())).post(list).then().statusCode(403);
        as(other.admin().accessToken()).header("If-Match", etag).body(amendment()).post(list + "/" + visitId + "/amendments").then()
                .statusCode(403);
    }

    @Test
    void anotherClinicsTherapistCannotAmendTheVisitThroughTheirOwnPatient() {
        as(other.therapistA().accessToken()).header("If-Match", etag).body(amendment())
                .post(visits(other.patient().id()) + "/" + visitId + "/amendments").then().statusCode(404)
                .body("type", equalTo("https://glide.example/problems/not-found"));
        as(other.therapistA().accessToken()).get(visits(other.patient().id()) + "/" + visitId).then().statusCode(404);
        assertEquals(1, versions());
    }

    @Test
    void theClinicAdminReadsButDoesNotWrite() {
        String list = visits(world.patient().id());
        as(world.admin().accessToken()).get(list).then().statusCode(200);
        as(world.admin().accessToken()).get(list + "/" + visitId).then().statusCode(200);
        as(world.admin().accessToken()).body(Visits.body(today, List.of())).post(list).then().statusCode(403);
        as(world.admin().accessToken()).header("If-Match", etag).body(amendment()).post(list + "/" + visitId + "/amendments").then()
                .statusCode(403);
    }

    @Test
    void patientsGet403OnStaffEndpointsAndNoTokenIs401() {
        for (var op : operations()) {
            op.apply(as(world.patientSession().accessToken())).then().statusCode(403);
            op.apply(api()).then().statusCode(401);
        }
        api().get("/v1/me/visits").then().statusCode(401);
        as(world.therapistA().accessToken()).get("/v1/me/visits").then().statusCode(403);
        as(world.admin().accessToken()).get("/v1/me/visits").then().statusCode(403);
        assertEquals(1, versions());
        assertEquals(1, visitsOfPatient());
    }

    @Test
    void aPatientSeesOnlyTheirOwnVisits() {
        as(world.patientSession().accessToken()).get("/v1/me/visits").then().statusCode(200)
                .body("items.id", equalTo(List.of(visitId)));
        as(other.patientSession().accessToken()).get("/v1/me/visits").then().statusCode(200).body("items", empty());
    }
}
