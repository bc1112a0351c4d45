package app.glide.adherence;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The caseload pages by its sort key (who needs attention), not by position: paging shows
 * every patient once in the order of the whole list, and a patient who moves up between two
 * pages does not push one already shown onto the next page again.
 */
@QuarkusTest
class CaseloadPagingApiTest {

    @Inject
    TestData data;

    @Test
    void pagesTogetherAreTheWholeCaseloadInItsOrderWithNobodyTwice() {
        ClinicWorld world = ClinicWorld.create(data, "Caseload paging clinic");
        String therapist = world.therapistA().accessToken();
        List<Actors.Session> patients = new ArrayList<>(List.of(world.patientSession()));
        for (int i = 0; i < 6; i++) {
            patients.add(Actors.enrol(Actors.createPatient(world.therapistA(), "Paged " + i).code()));
        }
        redFlag(patients.get(1)); // one urgent alert: first in the caseload
        List<String> whole = ids(as(therapist).queryParam("limit", 100).get("/v1/caseload").then().statusCode(200)
                .extract().jsonPath());
        assertEquals(7, whole.size());
        assertEquals(patients.get(1).userId().toString(), whole.get(0));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(therapist).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/caseload").then().statusCode(200).extract().jsonPath();
            paged.addAll(ids(page));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(whole, paged);

        // Page one, then the last patient in the order raises a red flag and moves to the top.
        JsonPath first = as(therapist).queryParam("limit", 3).get("/v1/caseload").then().statusCode(200)
                .extract().jsonPath();
        String last = whole.get(whole.size() - 1);
        redFlag(patients.stream().filter(p -> p.userId().toString().equals(last)).findFirst().orElseThrow());
        JsonPath second = as(therapist).queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/caseload").then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a patient shown on page one came again: " + seen);
        assertEquals(whole.subList(3, 6), ids(second));
        // The one who moved is now before the cursor: seen on the next load from the top.
        assertNull(second.getString("nextCursor"));
    }

    private static void redFlag(Actors.Session patient) {
        as(patient.accessToken()).body(Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", true, "worseningLegWeakness", false, "footDrop", false))
                .post("/v1/me/red-flag-checks").then().statusCode(201);
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.patientId", String.class);
    }
}
