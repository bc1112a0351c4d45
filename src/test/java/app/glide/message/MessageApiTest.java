package app.glide.message;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation from both sides: the patient's idempotent PUT and the therapist's POST, the
 * delta sync with session comments merged in, read markers per reader and the unread counts they
 * give, the clinic's messaging switch, the caseload's message columns, and bad input refused
 * with nothing written.
 */
@QuarkusTest
class MessageApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Message clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    String therapistA() {
        return world.therapistA().accessToken();
    }

    String patientPath() {
        return "/v1/patients/" + world.patient().id() + "/messages";
    }

    JsonPath send(String body) {
        return as(phone()).body(Map.of("body", body)).put("/v1/me/messages/" + UUID.randomUUID()).then()
                .statusCode(201).extract().jsonPath();
    }

    JsonPath reply(String token, String body) {
        return as(token).body(Map.of("body", body)).post(patientPath()).then().statusCode(201).extract().jsonPath();
    }

    long messages() {
        return ((Number) data.query("select count(*) from message where patient_id = ?", world.patient().id()).get(0))
                .longValue();
    }

    @Test
    void thePatientAndTheCareTeamWriteAndBothReadOneConversation() {
        UUID id = UUID.randomUUID();
        String text = "Is it normal that <b>the bridge</b> feels hard?\n  Two spaces stay.  ";
        Map<String, Object> first = as(phone()).body(Map.of("body", text)).put("/v1/me/messages/" + id).then()
                .statusCode(201)
                .body("message.id", equalTo(id.toString()))
                .body("message.kind", equalTo("PATIENT"))
                .body("message.body", equalTo(text))
                .body("redFlagCheckInRequested", equalTo(false))
                .body("systemReply", nullValue())
                .extract().jsonPath().getMap("");
        // A replay answers the stored message, unchanged.
        assertEquals(first, as(phone()).body(Map.of("body", text)).put("/v1/me/messages/" + id).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        JsonPath answer = reply(therapistA(), "Yes, that is expected in the first week.");
        assertEquals("THERAPIST", answer.getString("kind"));
        assertEquals(world.therapistAInfo().id().toString(), answer.getString("authorId"));

        for (String token : List.of(phone(), therapistA(), world.admin().accessToken())) {
            String path = token.equals(phone()) ? "/v1/me/messages" : patientPath();
            as(token).get(path).then().statusCode(200)
                    .body("items", hasSize(2))
                    .body("items[0].body", equalTo(text))
                    .body("items[1].kind", equalTo("THERAPIST"))
                    .body("items[1].authorName", notNullValue())
                    .body("messagingEnabled", equalTo(true))
                    .body("replyHours", equalTo(48));
        }
        assertEquals(2, messages());
        assertEquals(text, data.query("select body from message where patient_id = ? and id = ?",
                world.patient().id(), id).get(0), "stored exactly as sent");
    }

    @Test
    void theDeltaSyncBringsOnlyWhatIsNewAndPagesInOrder() {
        send("one");
        JsonPath all = as(phone()).get("/v1/me/messages").then().statusCode(200).body("items", hasSize(1))
                .extract().jsonPath();
        String since = all.getString("nextSince");
        as(phone()).queryParam("since", since).get("/v1/me/messages").then().statusCode(200)
                .body("items", hasSize(0)).body("nextSince", equalTo(since));
        reply(therapistA(), "two");
        send("three");
        reply(therapistA(), "four");
        as(phone()).queryParam("since", since).get("/v1/me/messages").then().statusCode(200)
                .body("items.body", equalTo(List.of("two", "three", "four")));
        as(therapistA()).queryParam("since", since).get(patientPath()).then().statusCode(200)
                .body("items.body", equalTo(List.of("two", "three", "four")));
        // Paging one at a time gives the same, in the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            var request = as(phone()).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/me/messages").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.body", String.class));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(List.of("one", "two", "three", "four"), paged);
    }

    @Test
    void readMarkersArePerReaderAndGiveTheUnreadCounts() {
        as(therapistA()).put("/v1/patients/" + world.patient().id() + "/care-team/" + world.therapistBInfo().id())
                .then().statusCode(200);
        String therapistB = world.therapistB().accessToken();
        String first = send("first").getString("message.id");
        send("second");
        as(therapistA()).get(patientPath()).then().body("unreadCount", equalTo(2)).body("readUpTo", nullValue());
        as(therapistB).get(patientPath()).then().body("unreadCount", equalTo(2));
        // The patient's own messages are never unread for the patient.
        as(phone()).get("/v1/me/messages").then().body("unreadCount", equalTo(0));

        as(therapistA()).body(Map.of("messageId", first)).post(patientPath() + "/read").then().statusCode(200)
                .body("unreadCount", equalTo(1)).body("readUpTo", notNullValue());
        as(therapistA()).get(patientPath()).then().body("unreadCount", equalTo(1));
        as(therapistB).get(patientPath()).then().body("unreadCount", equalTo(2));
        String now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        as(therapistB).body(Map.of("upTo", now)).post(patientPath() + "/read").then().statusCode(200)
                .body("unreadCount", equalTo(0));
        // A marker never moves back.
        as(therapistB).body(Map.of("messageId", first)).post(patientPath() + "/read").then().statusCode(200)
                .body("unreadCount", equalTo(0));
        as(therapistA()).get(patientPath()).then().body("unreadCount", equalTo(1));

        reply(therapistA(), "answer one");
        String last = reply(therapistB, "answer two").getString("id");
        as(phone()).get("/v1/me/messages").then().body("unreadCount", equalTo(2));
        as(phone()).body(Map.of("messageId", last)).post("/v1/me/messages/read").then().statusCode(200)
                .body("unreadCount", equalTo(0));
        as(phone()).get("/v1/me/messages").then().body("unreadCount", equalTo(0)).body("readUpTo", notNullValue());
        // A therapist's own and colleagues' messages are not unread for a therapist: only the patient's.
        as(therapistA()).get(patientPath()).then().body("unreadCount", equalTo(1));
        assertEquals(3L, ((Number) data.query("select count(*) from message_read where patient_id = ?",
                world.patient().id()).get(0)).longValue());
    }

    @Test
    void sessionCommentsAppearInTheConversation() {
        String walk = Actors.exerciseId(world.therapistA(), "walking-short-flat");
        JsonPath plan = as(therapistA()).body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", walk,
                        "dosage", Map.of("durationMinutes", 20), "schedule", Map.of("daysOfWeek",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        UUID sessionId = UUID.randomUUID();
        as(phone()).body(Actors.sessionBody(plan.getString("id"), plan.getInt("revision"),
                        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(40).truncatedTo(ChronoUnit.SECONDS), 20, 3, 4, 2, 5,
                        "BACK_ONLY", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + sessionId).then().statusCode(201);
        send("Walked today");
        as(therapistA()).body(Map.of("body", "Nice pace on the walk."))
                .post("/v1/patients/" + world.patient().id() + "/sessions/" + sessionId + "/comments")
                .then().statusCode(201);
        String commentId = as(phone()).get("/v1/me/messages").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].kind", equalTo("SESSION_COMMENT"))
                .body("items[1].sessionId", equalTo(sessionId.toString()))
                .body("items[1].body", equalTo("Nice pace on the walk."))
                .body("unreadCount", equalTo(1))
                .extract().path("items[1].id");
        as(therapistA()).get(patientPath()).then().body("items[1].kind", equalTo("SESSION_COMMENT"));
        as(phone()).body(Map.of("messageId", commentId)).post("/v1/me/messages/read").then().statusCode(200)
                .body("unreadCount", equalTo(0));
    }

    @Test
    void aClinicCanTurnMessagingOffAndSetTheReplyTime() {
        send("before");
        Map<String, Object> settings = new HashMap<>(as(world.admin().accessToken()).get("/v1/clinic/settings").then()
                .statusCode(200).body("messagingEnabled", equalTo(true)).body("messagingReplyHours", equalTo(48))
                .extract().jsonPath().getMap(""));
        settings.put("messagingEnabled", false);
        settings.put("messagingReplyHours", 24);
        as(world.admin().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(200)
                .body("messagingEnabled", equalTo(false)).body("messagingReplyHours", equalTo(24));

        as(phone()).body(Map.of("body", "after")).put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/messaging-disabled"));
        as(therapistA()).body(Map.of("body", "after")).post(patientPath()).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/messaging-disabled"));
        as(phone()).get("/v1/me/messages").then().statusCode(200).body("messagingEnabled", equalTo(false))
                .body("replyHours", equalTo(24)).body("items", hasSize(1));
        assertEquals(1, messages());

        // A settings PUT that leaves the fields out keeps them.
        settings.remove("messagingEnabled");
        settings.remove("messagingReplyHours");
        as(world.admin().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(200)
                .body("messagingEnabled", equalTo(false)).body("messagingReplyHours", equalTo(24));
        settings.put("messagingEnabled", true);
        as(world.admin().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(200);
        send("on again");
        assertEquals(2, messages());
    }

    @Test
    void theCaseloadShowsUnreadAndTheOldestUnansweredMessage() {
        as(therapistA()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].messages.unreadFromPatient", equalTo(0))
                .body("items[0].messages.oldestUnansweredAt", nullValue());
        String firstAt = send("first").getString("message.createdAt");
        send("second");
        as(therapistA()).get("/v1/caseload").then()
                .body("items[0].messages.unreadFromPatient", equalTo(2))
                .body("items[0].messages.oldestUnansweredAt", equalTo(firstAt));
        reply(therapistA(), "answered");
        as(therapistA()).get("/v1/caseload").then()
                .body("items[0].messages.unreadFromPatient", equalTo(2))
                .body("items[0].messages.oldestUnansweredAt", nullValue());
        String thirdAt = send("third").getString("message.createdAt");
        as(therapistA()).body(Map.of("upTo", thirdAt)).post(patientPath() + "/read").then().statusCode(200);
        as(therapistA()).get("/v1/caseload").then()
                .body("items[0].messages.unreadFromPatient", equalTo(0))
                .body("items[0].messages.oldestUnansweredAt", equalTo(thirdAt));
        // The admin has no marker of their own: every patient message counts as unread for them.
        as(world.admin().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].messages.unreadFromPatient", equalTo(3));
    }

    @Test
    void badMessagesAreSpecificProblemsAndWriteNothing() {
        String tooLong = "a".repeat(MessageText.MAX_LENGTH + 1);
        UUID id = UUID.randomUUID();
        sendingInvalidRequest().auth().oauth2(phone()).contentType("application/json")
                .body(Map.of("body", tooLong)).put("/v1/me/messages/" + id).then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/validation"))
                .body("errors[0].field", equalTo("body"));
        sendingInvalidRequest().auth().oauth2(phone()).contentType("application/json")
                .body(Map.of("body", "")).put("/v1/me/messages/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        for (String invisible : List.of("   ", "\u200B\u00A0\n", "\u3164")) {
            as(phone()).body(Map.of("body", invisible)).put("/v1/me/messages/" + id).then().statusCode(400)
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", equalTo("must contain a visible character"));
        }
        as(phone()).body(Map.of("body", "nul \u0000 inside")).put("/v1/me/messages/" + id).then().statusCode(400);
        sendingInvalidRequest().auth().oauth2(phone()).contentType("application/json")
                .body(Map.of()).put("/v1/me/messages/" + id).then().statusCode(400);
        sendingInvalidRequest().auth().oauth2(phone()).contentType("application/json")
                .body(Map.of("body", "hi")).put("/v1/me/messages/" + new UUID(0, 0)).then().statusCode(400)
                .body("errors[0].field", equalTo("messageId"));
        sendingInvalidRequest().auth().oauth2(therapistA()).contentType("application/json")
                .body(Map.of("body", tooLong)).post(patientPath()).then().statusCode(400);
        // A message to a patient outside the caller's care team.
        as(world.therapistB().accessToken()).body(Map.of("body", "hello")).post(patientPath()).then().statusCode(404)
                .body("type", equalTo("https://glide.example/problems/not-found"));
        assertEquals(0, messages());
        // 2000 characters are fine, counted as characters (code points), not UTF-16 units.
        as(phone()).body(Map.of("body", "\uD83D\uDE00".repeat(MessageText.MAX_LENGTH))).put("/v1/me/messages/" + id)
                .then().statusCode(201);
        // Read markers: exactly one of messageId and upTo, and a message of this conversation.
        as(phone()).body(Map.of()).post("/v1/me/messages/read").then().statusCode(400);
        as(phone()).body(Map.of("messageId", id.toString(), "upTo", "2026-01-01T00:00:00Z"))
                .post("/v1/me/messages/read").then().statusCode(400);
        as(phone()).body(Map.of("messageId", UUID.randomUUID().toString())).post("/v1/me/messages/read").then()
                .statusCode(404);
        assertEquals(0L, ((Number) data.query("select count(*) from message_read where patient_id = ?",
                world.patient().id()).get(0)).longValue());
    }
}
