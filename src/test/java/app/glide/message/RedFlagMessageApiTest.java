package app.glide.message;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient message that mentions a red flag gets the SYSTEM prompt to do the check-in and one
 * RED_FLAG_MESSAGE alert, in the same transaction; a replay answers the same and alerts no
 * more; a harmless message gets neither.
 */
@QuarkusTest
class RedFlagMessageApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Red-flag message clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    JsonPath alerts() {
        return as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString())
                .get("/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    long rows(String sql) {
        return ((Number) data.query(sql, world.patient().id()).get(0)).longValue();
    }

    void checkPromptAndOneAlert(String text, String symptom) {
        UUID id = UUID.randomUUID();
        Map<String, Object> first = as(phone()).body(Map.of("body", text)).put("/v1/me/messages/" + id).then()
                .statusCode(201)
                .body("redFlagCheckInRequested", equalTo(true))
                .body("systemReply.kind", equalTo("SYSTEM"))
                .body("systemReply.body", equalTo(MessageCommands.RED_FLAG_PROMPT))
                .body("systemReply.inReplyTo", equalTo(id.toString()))
                .body("systemReply.authorId", nullValue())
                .extract().jsonPath().getMap("");
        JsonPath a = alerts();
        assertEquals(List.of("RED_FLAG_MESSAGE"), a.getList("items.kind"));
        assertEquals("URGENT", a.getString("items[0].severity"));
        assertEquals(id.toString(), a.getString("items[0].details.messageId"));
        assertEquals(List.of(symptom), a.getList("items[0].details.symptoms"));

        // The phone retries: the same answer, still one prompt and one alert.
        assertEquals(first, as(phone()).body(Map.of("body", text)).put("/v1/me/messages/" + id).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        assertEquals(1, alerts().getList("items").size());
        assertEquals(1L, rows("select count(*) from alert where patient_id = ? and kind = 'RED_FLAG_MESSAGE'"));
        assertEquals(1L, rows("select count(*) from message where patient_id = ? and kind = 'SYSTEM'"));
        // The prompt follows the message in the conversation, for both sides.
        as(phone()).get("/v1/me/messages").then().statusCode(200)
                .body("items.kind", equalTo(List.of("PATIENT", "SYSTEM")))
                .body("unreadCount", equalTo(1));
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/messages").then()
                .statusCode(200).body("items.kind", equalTo(List.of("PATIENT", "SYSTEM")));
    }

    @Test
    void anEnglishMentionAsksForTheCheckInAndAlertsOnce() {
        checkPromptAndOneAlert("Since yesterday I feel numb between my legs, is that the exercises?", "SADDLE_NUMBNESS");
    }

    @Test
    void aGermanMentionAsksForTheCheckInAndAlertsOnce() {
        checkPromptAndOneAlert("Seit heute habe ich Taubheit im Intimbereich.", "SADDLE_NUMBNESS");
    }

    @Test
    void aGermanBladderMentionAlertsToo() {
        checkPromptAndOneAlert("Ich kann die Blase nicht mehr kontrollieren", "BLADDER_BOWEL");
    }

    @Test
    void aHarmlessMessageGetsNoPromptAndNoAlert() {
        as(phone()).body(Map.of("body", "The bridge went well today, no numbness in my groin at all."))
                .put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(201)
                .body("redFlagCheckInRequested", equalTo(false))
                .body("systemReply", nullValue());
        assertEquals(0, alerts().getList("items").size());
        as(phone()).get("/v1/me/messages").then().body("items", hasSize(1));
    }

    @Test
    void aSecondMentionWhileTheAlertIsOpenPromptsAgainWithoutASecondAlert() {
        as(phone()).body(Map.of("body", "pain in both legs now")).put("/v1/me/messages/" + UUID.randomUUID())
                .then().statusCode(201).body("redFlagCheckInRequested", equalTo(true));
        as(phone()).body(Map.of("body", "and my leg is getting weaker")).put("/v1/me/messages/" + UUID.randomUUID())
                .then().statusCode(201).body("redFlagCheckInRequested", equalTo(true));
        // At most one unresolved alert of a kind per patient (alert/AlertService); the care team sees both messages.
        assertEquals(1, alerts().getList("items").size());
        assertEquals(2L, rows("select count(*) from message where patient_id = ? and kind = 'SYSTEM'"));
        String alertId = alerts().getString("items[0].id");
        as(world.therapistA().accessToken()).body(Map.of("note", "Called the patient"))
                .post("/v1/alerts/" + alertId + "/resolve").then().statusCode(200);
        as(phone()).body(Map.of("body", "beide Beine kribbeln wieder")).put("/v1/me/messages/" + UUID.randomUUID())
                .then().statusCode(201).body("redFlagCheckInRequested", equalTo(true));
        assertEquals(2L, rows("select count(*) from alert where patient_id = ? and kind = 'RED_FLAG_MESSAGE'"));
    }
}
