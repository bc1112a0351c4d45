package app.glide.access;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tries to break object-level and role authorisation on every endpoint: another role,
 * another patient, a therapist outside the care team, another clinic.
 */
@QuarkusTest
class AuthorizationTest {

    @Inject
    TestData data;

    ClinicWorld home;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        home = ClinicWorld.create(data, "Home clinic");
        other = ClinicWorld.create(data, "Other clinic");
    }

    record Call(String name, Function<RequestSpecification, Response> send) {
    }

    /** Every patient-scoped call, aimed at the home clinic's patient. */
    private List<Call> patientCalls() {
        UUID p = home.patient().id();
        UUID a = home.therapistAInfo().id();
        UUID b = home.therapistBInfo().id();
        return List.of(
                new Call("get patient", r -> r.get("/v1/patients/" + p)),
                new Call("patch patient", r -> r.body(Map.of("displayName", "Renamed")).patch("/v1/patients/" + p)),
                new Call("issue code", r -> r.post("/v1/patients/" + p + "/enrolment-code")),
                new Call("get care team", r -> r.get("/v1/patients/" + p + "/care-team")),
                new Call("add to care team", r -> r.put("/v1/patients/" + p + "/care-team/" + b)),
                new Call("remove from care team", r -> r.delete("/v1/patients/" + p + "/care-team/" + a)));
    }

    private static void expect(Session who, List<Call> calls, int status) {
        for (Call c : calls) {
            c.send().apply(as(who.accessToken())).then()
                    .statusCode(status)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aTherapistOutsideTheCareTeamSeesNoSuchPatient() {
        expect(home.therapistB(), patientCalls(), 404);
    }

    @Test
    void anotherClinicsTherapistAndAdminSeeNoSuchPatient() {
        expect(other.therapistA(), patientCalls(), 404);
        expect(other.admin(), patientCalls(), 404);
    }

    @Test
    void patientsCannotUseTherapistEndpointsEvenForThemselves() {
        expect(home.patientSession(), patientCalls(), 403);
        as(home.patientSession().accessToken()).get("/v1/patients").then().statusCode(403);
        as(home.patientSession().accessToken()).body(Map.of("displayName", "X", "timeZone", "UTC"))
                .post("/v1/patients").then().statusCode(403);
        as(home.patientSession().accessToken()).get("/v1/therapists").then().statusCode(403);
        as(home.patientSession().accessToken()).get("/v1/audit-events").then().statusCode(403);
    }

    @Test
    void theCareTeamAndTheClinicAdminCanReachThePatient() {
        as(home.therapistA().accessToken()).get("/v1/patients/" + home.patient().id()).then().statusCode(200);
        as(home.admin().accessToken()).get("/v1/patients/" + home.patient().id()).then().statusCode(200);
    }

    @Test
    void addingAColleagueToTheCareTeamGrantsAccess() {
        as(home.therapistB().accessToken()).get("/v1/patients/" + home.patient().id()).then().statusCode(404);
        as(home.therapistA().accessToken()).put("/v1/patients/" + home.patient().id() + "/care-team/"
                + home.therapistBInfo().id()).then().statusCode(200);
        as(home.therapistB().accessToken()).get("/v1/patients/" + home.patient().id()).then().statusCode(200);
        as(home.therapistA().accessToken()).delete("/v1/patients/" + home.patient().id() + "/care-team/"
                + home.therapistBInfo().id()).then().statusCode(204);
        as(home.therapistB().accessToken()).get("/v1/patients/" + home.patient().id()).then().statusCode(404);
    }

    @Test
    void anotherClinicsTherapistCannotJoinACareTeam() {
        as(home.therapistA().accessToken()).put("/v1/patients/" + home.patient().id() + "/care-team/"
                + other.therapistAInfo().id()).then().statusCode(404);
        as(home.therapistA().accessToken()).body(Map.of("primaryTherapistId", other.therapistAInfo().id().toString()))
                .patch("/v1/patients/" + home.patient().id()).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/therapist-not-found"));
    }

    @Test
    void listsNeverCrossTheCareTeamOrTheClinic() {
        String homePatient = home.patient().id().toString();
        as(home.therapistA().accessToken()).get("/v1/patients").then().statusCode(200)
                .body("items.id", hasItem(homePatient));
        as(home.therapistB().accessToken()).get("/v1/patients").then().statusCode(200)
                .body("items.id", not(hasItem(homePatient)));
        as(other.admin().accessToken()).get("/v1/patients").then().statusCode(200)
                .body("items.id", not(hasItem(homePatient)))
                .body("items.id", hasItem(other.patient().id().toString()));
        as(other.therapistA().accessToken()).get("/v1/therapists").then().statusCode(200)
                .body("items.id", not(hasItem(home.therapistAInfo().id().toString())));
    }

    @Test
    void staffManagementIsForTheClinicsOwnAdmin() {
        UUID b = home.therapistBInfo().id();
        Map<String, String> newTherapist = Map.of("email", "x-" + UUID.randomUUID() + "@clinic.example",
                "displayName", "X", "initialPassword", TestData.PASSWORD);
        as(home.therapistA().accessToken()).body(newTherapist).post("/v1/therapists").then().statusCode(403);
        as(home.therapistA().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(403);
        as(home.patientSession().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(403);
        as(other.admin().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(404);
        as(other.admin().accessToken()).get("/v1/therapists/" + b).then().statusCode(404);
        as(home.therapistA().accessToken()).get("/v1/therapists/" + b).then().statusCode(200);
        as(home.patientSession().accessToken()).get("/v1/therapists/" + b).then().statusCode(403);
    }

    @Test
    void onlyTherapistsCreatePatients() {
        as(home.admin().accessToken()).body(Map.of("displayName", "X", "timeZone", "UTC"))
                .post("/v1/patients").then().statusCode(403);
    }

    @Test
    void theAuditTrailIsTheAdminsOwnClinicOnly() {
        as(home.therapistA().accessToken()).get("/v1/audit-events").then().statusCode(403);
        as(other.admin().accessToken()).get("/v1/audit-events?entityType=patient").then().statusCode(200)
                .body("items.entityId", not(hasItem(home.patient().id().toString())))
                .body("items.entityId", hasItem(other.patient().id().toString()));
        as(home.admin().accessToken()).get("/v1/audit-events?limit=100").then().statusCode(200)
                .body("items.actorUserId", everyItem(not(equalTo(other.therapistAInfo().id().toString()))));
    }

    @Test
    void aPatientTokenReachesOnlyThatPatient() {
        as(home.patientSession().accessToken()).get("/v1/me").then().statusCode(200)
                .body("id", equalTo(home.patient().id().toString()));
        // Another patient's id in a path is 403 by role before any lookup, so nothing leaks.
        as(home.patientSession().accessToken()).get("/v1/patients/" + other.patient().id()).then().statusCode(403);
    }
}
