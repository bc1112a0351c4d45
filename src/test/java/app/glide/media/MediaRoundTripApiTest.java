package app.glide.media;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole way of a video against a real S3 server (S3Proxy): ask, PUT with the presigned URL
 * over plain HTTP, confirm, attach, fetch through the patient's plan manifest, download with the
 * manifest's URL and compare the SHA-256; the plan's ETag and statement counts with media; URLs
 * that expired; and a patient never reaching another patient's personal video.
 */
@QuarkusTest
class MediaRoundTripApiTest {

    @Inject
    TestData data;

    @Inject
    MediaStore store;

    @Inject
    Sql sql;

    @Inject
    SessionFactory sessions;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Media clinic");
    }

    String exerciseId(String slug) {
        return Actors.exerciseId(world.therapistA(), slug);
    }

    static Map<String, Object> item(String exerciseId, String mediaId) {
        Map<String, Object> item = new HashMap<>();
        item.put("exerciseId", exerciseId);
        item.put("dosage", Map.of("sets", 2, "reps", 8, "holdSeconds", 5));
        item.put("schedule", Map.of("sessionsPerWeek", 5));
        if (mediaId != null) {
            item.put("mediaId", mediaId);
        }
        return item;
    }

    String putPlan(UUID patientId, String mediaId, String ifMatch) {
        var spec = as(world.therapistA().accessToken())
                .body(Map.of("name", "Home plan", "reason", "First plan", "items",
                        List.of(item(exerciseId("bird-dog-arm-only"), mediaId))));
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.put("/v1/patients/" + patientId + "/plan").then().statusCode(ifMatch == null ? 201 : 200)
                .extract().header("ETag");
    }

    long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    @Test
    void aVideoGoesUpWithAPresignedUrlAndComesDownThroughThePlanManifest() {
        String therapist = world.therapistA().accessToken();
        byte[] video = SampleMedia.mp4("avc1", 42, 30_000, false);
        JsonPath ticket = Uploads.ask(therapist, "video/mp4", video, null);
        assertEquals("PENDING", ticket.getString("media.state"));
        assertEquals("PUT", ticket.getString("upload.method"));
        String videoId = ticket.getString("media.id");
        assertEquals(200, Uploads.put(ticket, video));
        as(therapist).post("/v1/media/" + videoId + "/complete").then().statusCode(200)
                .body("state", equalTo("COMPLETE")).body("kind", equalTo("VIDEO")).body("durationMs", equalTo(42_000));
        // Confirming twice answers the same.
        as(therapist).post("/v1/media/" + videoId + "/complete").then().statusCode(200).body("state", equalTo("COMPLETE"));
        // Nothing in the database is a URL.
        assertEquals("media/" + world.clinicId() + "/" + videoId,
                data.query("select object_key from media where id = ?", UUID.fromString(videoId)).get(0));

        // A personal video recorded for the patient, on a plan item.
        byte[] personal = SampleMedia.mp4("avc1", 20, 10_000, true);
        String personalId = Uploads.complete(therapist, "video/mp4", personal, world.patient().id());
        putPlan(world.patient().id(), personalId, null);

        String patient = world.patientSession().accessToken();
        JsonPath before = as(patient).get("/v1/me/plan").then().statusCode(200)
                .body("media", hasSize(1)).extract().jsonPath();
        assertEquals(personalId, before.getString("media[0].id"));
        assertEquals(before.getString("items[0].id"), before.getString("media[0].planItemIds[0]"));
        assertEquals(personalId, before.getString("items[0].mediaId"));
        String etagBefore = as(patient).get("/v1/me/plan").then().extract().header("ETag");

        // The clinic attaches its video to the shipped exercise: no plan revision, but a new ETag.
        as(therapist).body(Map.of("mediaId", videoId)).put("/v1/exercises/" + exerciseId("bird-dog-arm-only") + "/media")
                .then().statusCode(200).body("items[0].kind", equalTo("VIDEO")).body("items[0].mediaId", equalTo(videoId));
        as(patient).header("If-None-Match", etagBefore).get("/v1/me/plan").then().statusCode(200);

        JsonPath plan = as(patient).get("/v1/me/plan").then().statusCode(200).body("media", hasSize(2))
                .extract().jsonPath();
        String etag = as(patient).get("/v1/me/plan").then().extract().header("ETag");
        assertNotEquals(etagBefore, etag);
        Map<String, Object> clinicVideo = plan.param("id", videoId).getMap("media.find { it.id == id }");
        assertEquals(List.of(exerciseId("bird-dog-arm-only")), clinicVideo.get("exerciseIds"));
        assertEquals(video.length, ((Number) clinicVideo.get("bytes")).intValue());
        HttpResponse<byte[]> download = Uploads.get((String) clinicVideo.get("url"));
        assertEquals(200, download.statusCode());
        assertEquals(SampleMedia.sha256(video), SampleMedia.sha256(download.body()));
        assertEquals(clinicVideo.get("sha256"), SampleMedia.sha256(download.body()));
        Map<String, Object> mine = plan.param("id", personalId).getMap("media.find { it.id == id }");
        assertEquals(SampleMedia.sha256(personal), SampleMedia.sha256(Uploads.get((String) mine.get("url")).body()));

        // The ETag holds while only URLs change; a 304 is one statement, a 200 with media two.
        as(patient).get("/v1/me/plan").then().statusCode(200).header("ETag", equalTo(etag));
        long at = statements();
        as(patient).header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(304);
        assertEquals(1, statements() - at, "304: the plan head only (the media version is in it)");
        at = statements();
        as(patient).get("/v1/me/plan").then().statusCode(200);
        assertEquals(2, statements() - at, "200: the head and one statement for the manifest (revision cached)");

        // A fresh URL for one item, without the plan.
        String fresh = as(patient).get("/v1/me/media/" + videoId).then().statusCode(200)
                .body("sha256", equalTo(SampleMedia.sha256(video))).extract().path("url");
        assertEquals(SampleMedia.sha256(video), SampleMedia.sha256(Uploads.get(fresh).body()));

        // Detaching changes the ETag again and empties that part of the manifest.
        as(therapist).delete("/v1/exercises/" + exerciseId("bird-dog-arm-only") + "/media/VIDEO").then().statusCode(204);
        as(patient).header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(200).body("media", hasSize(1));
        as(therapist).get("/v1/exercises/" + exerciseId("bird-dog-arm-only") + "/media").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void expiredUrlsAreRefusedByTheStore() {
        byte[] image = SampleMedia.png(2_000);
        String id = Uploads.complete(world.therapistA().accessToken(), "image/png", image, null);
        String key = "media/" + world.clinicId() + "/" + id;
        String valid = store.presignGet(key).url().toString();
        assertEquals(200, Uploads.get(valid).statusCode());
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = store.presignGet(key, Duration.ofMinutes(5), anHourAgo).url().toString();
        HttpResponse<byte[]> refused = Uploads.get(expired);
        assertEquals(403, refused.statusCode(), new String(refused.body()));
        // A tampered signature is refused too.
        assertEquals(403, Uploads.get(valid.replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000")).statusCode());
    }

    @Test
    void aPatientNeverReachesAnotherPatientsPersonalVideo() {
        String therapist = world.therapistA().accessToken();
        Actors.NewPatient second = Actors.createPatient(world.therapistA(), "Second patient");
        Actors.Session secondSession = Actors.enrol(second.code());
        byte[] video = SampleMedia.mp4("avc1", 30, 5_000, true);
        String forFirst = Uploads.complete(therapist, "video/mp4", video, world.patient().id());
        putPlan(world.patient().id(), forFirst, null);
        putPlan(second.id(), null, null);
        // On the second patient's plan it is refused (personal to another patient), nothing written.
        long revisions = ((Number) data.query("select count(*) from plan_revision r join plan p on p.id = r.plan_id"
                + " where p.patient_id = ?", second.id()).get(0)).longValue();
        String etag = as(therapist).get("/v1/patients/" + second.id() + "/plan").then().extract().header("ETag");
        as(therapist).header("If-Match", etag).body(Map.of("name", "Home plan", "reason", "Video", "items",
                        List.of(item(exerciseId("bird-dog-arm-only"), forFirst))))
                .put("/v1/patients/" + second.id() + "/plan").then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/media-of-another-patient"));
        assertEquals(revisions, ((Number) data.query("select count(*) from plan_revision r join plan p on p.id = r.plan_id"
                + " where p.patient_id = ?", second.id()).get(0)).longValue());
        // Not in the second patient's manifest, and 404 on the media endpoint.
        as(secondSession.accessToken()).get("/v1/me/plan").then().statusCode(200).body("media", empty());
        as(secondSession.accessToken()).get("/v1/me/media/" + forFirst).then().statusCode(404);
        as(world.patientSession().accessToken()).get("/v1/me/media/" + forFirst).then().statusCode(200);
        // Nor does a patient of another clinic.
        ClinicWorld other = ClinicWorld.create(data, "Other media clinic");
        as(other.patientSession().accessToken()).get("/v1/me/media/" + forFirst).then().statusCode(404);
        // A therapist not on the care team does not see it either.
        as(world.therapistB().accessToken()).get("/v1/media/" + forFirst).then().statusCode(404);
        as(world.therapistA().accessToken()).get("/v1/media/" + forFirst).then().statusCode(200)
                .body("purpose", equalTo("PERSONAL"));
        assertTrue(as(world.admin().accessToken()).get("/v1/media/" + forFirst).then().extract().statusCode() == 200);
        as(world.patientSession().accessToken()).get("/v1/me/plan").then().body("media.id", not(empty()));
    }

    @Test
    void clinicWideMediaOnAPlanItemReachesThePatientAndOnlyThem() {
        String therapist = world.therapistA().accessToken();
        Actors.NewPatient second = Actors.createPatient(world.therapistA(), "Second patient");
        Actors.Session secondSession = Actors.enrol(second.code());
        byte[] video = SampleMedia.mp4("avc1", 20, 3_000, true);
        // Clinic-wide (no patient), attached to no exercise or card: only the plan item names it.
        String clinicWide = Uploads.complete(therapist, "video/mp4", video, null);
        String etag = putPlan(world.patient().id(), clinicWide, null);
        putPlan(second.id(), null, null);
        String patient = world.patientSession().accessToken();
        JsonPath plan = as(patient).get("/v1/me/plan").then().statusCode(200).body("media", hasSize(1))
                .extract().jsonPath();
        assertEquals(clinicWide, plan.getString("media[0].id"));
        assertEquals(plan.getString("items[0].id"), plan.getString("media[0].planItemIds[0]"));
        assertEquals(SampleMedia.sha256(video), SampleMedia.sha256(Uploads.get(plan.getString("media[0].url")).body()));
        as(patient).get("/v1/me/media/" + clinicWide).then().statusCode(200).body("mediaId", equalTo(clinicWide));
        // Another patient of the clinic whose plan does not name it: 404.
        as(secondSession.accessToken()).get("/v1/me/media/" + clinicWide).then().statusCode(404);
        // Once the current revision no longer names it, the patient loses it too.
        putPlan(world.patient().id(), null, etag);
        as(patient).get("/v1/me/plan").then().statusCode(200).body("media", empty());
        as(patient).get("/v1/me/media/" + clinicWide).then().statusCode(404);
    }
}
