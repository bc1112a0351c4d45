package app.glide.media;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An erased patient's personal media: the erasure turns the rows into tombstones (no file name,
 * REJECTED as patient-erased) and the cleanup job deletes the stored object and then the row once
 * no upload URL issued before the erasure can re-create the object.
 */
@QuarkusTest
class MediaErasureApiTest {

    @Inject
    TestData data;

    @Inject
    MediaStore store;

    @Inject
    MediaCleanupJob cleanup;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anErasedPatientsMediaGoFromTheStoreThroughTheCleanup() {
        ClinicWorld world = ClinicWorld.create(data, "Media erasure clinic");
        UUID patient = world.patient().id();
        String id = Uploads.complete(world.therapistA().accessToken(), "video/mp4",
                SampleMedia.mp4("avc1", 20, 3_000, true), patient);
        data.execute("update media set filename = 'Pat knee.mp4' where id = ?", UUID.fromString(id));
        String key = (String) data.query("select object_key from media where id = ?", UUID.fromString(id)).get(0);
        assertTrue(store.size(key).isPresent());

        as(world.admin().accessToken()).body(Map.of("reason", "PATIENT_REQUEST")).post("/v1/patients/" + patient + "/erasure")
                .then().statusCode(200);
        assertEquals(List.of("REJECTED|patient-erased|true"), data.query("""
                select state || '|' || rejected_as || '|' || (filename is null) from media where id = ?""",
                UUID.fromString(id)));
        cleanup.runOnce();
        assertTrue(store.size(key).isPresent(), "kept while an upload URL issued before could still re-create it");

        clock.shift(Duration.ofDays(2));
        assertTrue(cleanup.runOnce() >= 1);
        assertEquals(0, data.query("select 1 from media where id = ?", UUID.fromString(id)).size());
        assertTrue(store.size(key).isEmpty(), "the object is gone");
    }
}
