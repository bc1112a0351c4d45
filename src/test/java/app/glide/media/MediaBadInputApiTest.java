package app.glide.media;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every refusal of the media endpoints, each with its problem type and nothing half-written;
 * who may do what (patient 403, another clinic 404, a colleague's upload 403); and the cleanup
 * job removing expired uploads, row and object.
 */
@QuarkusTest
class MediaBadInputApiTest {

    static final String PROBLEMS = "https://glide.example/problems/";

    @Inject
    TestData data;

    @Inject
    MediaStore store;

    @Inject
    MediaCleanupJob cleanup;

    @Inject
    TestClock clock;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Media refusals clinic");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long mediaRows() {
        return ((Number) data.query("select count(*) from media where clinic_id = ?", world.clinicId()).get(0)).longValue();
    }

    String state(String id) {
        return (String) data.query("select state from media where id = ?", UUID.fromString(id)).get(0);
    }

    String key(String id) {
        return "media/" + world.clinicId() + "/" + id;
    }

    @Test
    void whatCannotBeAskedForIsRefusedBeforeAnythingIsWritten() {
        String t = world.therapistA().accessToken();
        Map<String, Object> gif = new HashMap<>(Map.of("contentType", "image/gif", "bytes", 100, "sha256", "a".repeat(64)));
        as(t).body(gif).post("/v1/media").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-type-not-accepted"));
        Map<String, Object> huge = new HashMap<>(Map.of("contentType", "video/mp4", "bytes", 300_000_000L, "sha256", "a".repeat(64)));
        as(t).body(huge).post("/v1/media").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-too-large"));
        Map<String, Object> bigImage = new HashMap<>(Map.of("contentType", "image/png", "bytes", 10_485_761, "sha256", "a".repeat(64)));
        as(t).body(bigImage).post("/v1/media").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-too-large"));
        Map<String, Object> badHash = new HashMap<>(Map.of("contentType", "image/png", "bytes", 100, "sha256", "xyz"));
        sendingInvalidRequest().auth().oauth2(t).body(badHash).post("/v1/media").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"));
        Map<String, Object> personalWithout = new HashMap<>(Map.of("contentType", "image/png", "bytes", 100,
                "sha256", "a".repeat(64), "purpose", "PERSONAL"));
        as(t).body(personalWithout).post("/v1/media").then().statusCode(400).body("errors[0].field", equalTo("patientId"));
        // A patient of another clinic, or not on the caller's care team: 404.
        ClinicWorld other = ClinicWorld.create(data, "Other refusals clinic");
        Map<String, Object> foreign = new HashMap<>(Map.of("contentType", "video/mp4", "bytes", 100, "sha256", "a".repeat(64),
                "patientId", other.patient().id().toString()));
        as(t).body(foreign).post("/v1/media").then().statusCode(404);
        Map<String, Object> notMine = new HashMap<>(foreign);
        notMine.put("patientId", world.patient().id().toString());
        as(world.therapistB().accessToken()).body(notMine).post("/v1/media").then().statusCode(404);
        assertEquals(0, mediaRows());
        // A patient may not upload; no token is 401.
        as(world.patientSession().accessToken()).body(Map.of("contentType", "image/png", "bytes", 100, "sha256", "a".repeat(64)))
                .post("/v1/media").then().statusCode(403);
        api().body(Map.of("contentType", "image/png", "bytes", 100, "sha256", "a".repeat(64)))
                .post("/v1/media").then().statusCode(401);
        assertEquals(0, mediaRows());
    }

    @Test
    void anUploadThatDoesNotMatchIsRejectedAndItsObjectDeleted() {
        String t = world.therapistA().accessToken();
        // Nothing uploaded yet: stays PENDING.
        byte[] png = SampleMedia.png(3_000);
        JsonPath ticket = Uploads.ask(t, "image/png", png, null);
        String id = ticket.getString("media.id");
        as(t).post("/v1/media/" + id + "/complete").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-not-uploaded"));
        assertEquals("PENDING", state(id));
        // The store refuses a body of another length (Content-Length is signed).
        assertEquals(403, Uploads.put(ticket, SampleMedia.png(2_999)));
        // Same length, other bytes (S3Proxy does not check the signed checksum; AWS S3 would): the server does.
        byte[] other = SampleMedia.png(3_000);
        other[100] ^= 1;
        assertEquals(200, Uploads.put(ticket, other));
        as(t).post("/v1/media/" + id + "/complete").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-hash-mismatch"));
        assertEquals("REJECTED", state(id));
        assertTrue(store.size(key(id)).isEmpty(), "the rejected object is deleted");
        as(t).post("/v1/media/" + id + "/complete").then().statusCode(409).body("type", equalTo(PROBLEMS + "media-rejected"));

        // Declared PNG, uploaded JPEG bytes: not the declared type.
        byte[] jpeg = SampleMedia.jpeg(2_000);
        JsonPath disguised = Uploads.ask(t, "image/png", jpeg, null);
        assertEquals(200, Uploads.put(disguised, jpeg));
        as(t).post("/v1/media/" + disguised.getString("media.id") + "/complete").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-type-not-accepted"));
        // An MP4 that is not H.264.
        byte[] hevc = SampleMedia.mp4("hvc1", 10, 1_000, true);
        JsonPath notH264 = Uploads.ask(t, "video/mp4", hevc, null);
        assertEquals(200, Uploads.put(notH264, hevc));
        as(t).post("/v1/media/" + notH264.getString("media.id") + "/complete").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-type-not-accepted"));
        // Eleven minutes is too long.
        byte[] longVideo = SampleMedia.mp4("avc1", 660, 1_000, true);
        JsonPath tooLong = Uploads.ask(t, "video/mp4", longVideo, null);
        assertEquals(200, Uploads.put(tooLong, longVideo));
        as(t).post("/v1/media/" + tooLong.getString("media.id") + "/complete").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-too-long"));
        assertEquals("REJECTED", state(tooLong.getString("media.id")));
        // An object of another size than declared (put there behind the presigned URL's back).
        byte[] webp = SampleMedia.webp(1_000);
        JsonPath sized = Uploads.ask(t, "image/webp", webp, null);
        String sizedId = sized.getString("media.id");
        store.client().putObject(b -> b.bucket(S3Bucket.name()).key(key(sizedId)), RequestBody.fromBytes(SampleMedia.webp(999)));
        as(t).post("/v1/media/" + sizedId + "/complete").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-size-mismatch"));
        assertTrue(store.size(key(sizedId)).isEmpty());
        assertEquals(0L, ((Number) data.query("select count(*) from media where clinic_id = ? and state = 'COMPLETE'",
                world.clinicId()).get(0)).longValue());
    }

    @Test
    void onlyTheUploaderOrAnAdminConfirmsAndOtherClinicsSeeNothing() {
        byte[] png = SampleMedia.png(1_500);
        JsonPath ticket = Uploads.ask(world.therapistA().accessToken(), "image/png", png, null);
        String id = ticket.getString("media.id");
        assertEquals(200, Uploads.put(ticket, png));
        ClinicWorld other = ClinicWorld.create(data, "Nosy media clinic");
        as(other.admin().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(404);
        as(other.therapistA().accessToken()).get("/v1/media/" + id).then().statusCode(404);
        as(world.therapistB().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "media-not-yours"));
        as(world.patientSession().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(403);
        assertEquals("PENDING", state(id));
        as(world.admin().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(200)
                .body("state", equalTo("COMPLETE"));
        // Attaching: another clinic's exercise or media is 404; a patient 403; the pending or personal refused.
        String exercise = Actors.exerciseId(world.therapistA(), "glute-bridge");
        as(other.therapistA().accessToken()).body(Map.of("mediaId", id)).put("/v1/exercises/" + exercise + "/media")
                .then().statusCode(404);
        as(world.patientSession().accessToken()).body(Map.of("mediaId", id)).put("/v1/exercises/" + exercise + "/media")
                .then().statusCode(403);
        as(world.therapistA().accessToken()).body(Map.of("mediaId", UUID.randomUUID().toString()))
                .put("/v1/exercises/" + exercise + "/media").then().statusCode(404);
        as(world.therapistA().accessToken()).body(Map.of("mediaId", id))
                .put("/v1/exercises/" + UUID.randomUUID() + "/media").then().statusCode(404);
        JsonPath pending = Uploads.ask(world.therapistA().accessToken(), "image/png", SampleMedia.png(10), null);
        as(world.therapistA().accessToken()).body(Map.of("mediaId", pending.getString("media.id")))
                .put("/v1/exercises/" + exercise + "/media").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-not-complete"));
        byte[] clip = SampleMedia.mp4("avc1", 5, 100, true);
        String personal = Uploads.complete(world.therapistA().accessToken(), "video/mp4", clip, world.patient().id());
        as(world.therapistA().accessToken()).body(Map.of("mediaId", personal))
                .put("/v1/exercises/" + exercise + "/media").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-personal"));
        String card = (String) data.query("select id::text from education_card where clinic_id is null limit 1").get(0);
        as(world.therapistA().accessToken()).body(Map.of("mediaId", id)).put("/v1/education-cards/" + card + "/media")
                .then().statusCode(200).body("items[0].kind", equalTo("IMAGE"));
        as(other.therapistA().accessToken()).get("/v1/education-cards/" + card + "/media").then().statusCode(200)
                .body("items.size()", equalTo(0));
        assertEquals(0L, ((Number) data.query("select count(*) from exercise_media where clinic_id = ?", world.clinicId())
                .get(0)).longValue());
        // Another clinic's media on a plan item: 404, no revision.
        String foreign = Uploads.complete(other.therapistA().accessToken(), "image/png", SampleMedia.png(50), null);
        Map<String, Object> item = new HashMap<>(Map.of("exerciseId", exercise, "dosage", Map.of("sets", 2, "reps", 8),
                "schedule", Map.of("sessionsPerWeek", 3), "mediaId", foreign));
        as(world.therapistA().accessToken()).body(Map.of("name", "Plan", "reason", "First", "items", List.of(item)))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(404);
        item.put("mediaId", pending.getString("media.id"));
        as(world.therapistA().accessToken()).body(Map.of("name", "Plan", "reason", "First", "items", List.of(item)))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-not-complete"));
        assertEquals(0L, ((Number) data.query("select count(*) from plan where patient_id = ?", world.patient().id())
                .get(0)).longValue());
        // The patient's own download endpoint: a clinic image attached to a card is theirs to get; staff cannot use it.
        as(world.patientSession().accessToken()).get("/v1/me/media/" + id).then().statusCode(200);
        as(world.therapistA().accessToken()).get("/v1/me/media/" + id).then().statusCode(403);
        as(world.patientSession().accessToken()).get("/v1/me/media/" + pending.getString("media.id")).then().statusCode(404);
    }

    @Test
    void theCleanupJobRemovesExpiredUploadsRowAndObject() {
        byte[] png = SampleMedia.png(700);
        JsonPath ticket = Uploads.ask(world.therapistA().accessToken(), "image/png", png, null);
        String id = ticket.getString("media.id");
        assertEquals(200, Uploads.put(ticket, png));
        String kept = Uploads.complete(world.therapistA().accessToken(), "image/png", SampleMedia.png(80), null);
        cleanup.runOnce();
        assertEquals("PENDING", state(id), "not expired yet");
        clock.shift(Duration.ofHours(25));
        assertTrue(cleanup.runOnce() >= 1);
        assertEquals(0, data.query("select 1 from media where id = ?", UUID.fromString(id)).size());
        assertTrue(store.size(key(id)).isEmpty(), "the object is gone too");
        assertEquals("COMPLETE", state(kept));
        assertTrue(store.size(key(kept)).isPresent());
        // Confirming it now: 404 (as if it never existed).
        as(world.therapistA().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(404);
    }

    @Test
    void anObjectPutAgainAfterARejectionIsDeletedWithTheRejectedRow() {
        String t = world.therapistA().accessToken();
        byte[] png = SampleMedia.png(1_200);
        JsonPath ticket = Uploads.ask(t, "image/png", png, null);
        String id = ticket.getString("media.id");
        byte[] other = SampleMedia.png(1_200);
        other[200] ^= 1;
        assertEquals(200, Uploads.put(ticket, other));
        as(t).post("/v1/media/" + id + "/complete").then().statusCode(422).body("type", equalTo(PROBLEMS + "media-hash-mismatch"));
        assertTrue(store.size(key(id)).isEmpty(), "deleted on rejection");
        // The upload URL still works: a retried PUT re-creates the object.
        assertEquals(200, Uploads.put(ticket, other));
        assertTrue(store.size(key(id)).isPresent());
        // The rejected row outlives the upload URL.
        assertEquals(Boolean.TRUE, data.query("select expires_at >= ?::timestamptz from media where id = ?",
                ticket.getString("upload.expiresAt"), UUID.fromString(id)).get(0));
        clock.shift(Duration.ofDays(8));
        assertTrue(cleanup.runOnce() >= 1);
        assertEquals(0, data.query("select 1 from media where id = ?", UUID.fromString(id)).size());
        assertTrue(store.size(key(id)).isEmpty(), "the re-uploaded object is deleted with the rejected row");
    }
}
