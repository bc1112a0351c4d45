package app.glide.media;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirming races the cleanup job: the row expires, or is removed, while the object is being
 * read. The store is wrapped so that something happens right after the probe opened the object;
 * the answer is then 422 media-upload-expired or 404, never 500, and nothing is half-written.
 */
@QuarkusTest
class MediaCompletionRaceApiTest {

    static final String PROBLEMS = "https://glide.example/problems/";

    @Inject
    TestData data;

    @Inject
    MediaStore store;

    @Inject
    TestClock clock;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Media race clinic");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The real store, with {@code whileProbing} run once the object was opened. */
    void wrapStore(Runnable whileProbing) {
        MediaStore real = ClientProxy.unwrap(store);
        QuarkusMock.installMockForType(new MediaStore() {
            @Override
            public boolean configured() {
                return real.configured();
            }

            @Override
            void requireConfigured() {
                real.requireConfigured();
            }

            @Override
            public Optional<Long> size(String key) {
                return real.size(key);
            }

            @Override
            public InputStream open(String key) {
                InputStream in = real.open(key);
                whileProbing.run();
                return in;
            }

            @Override
            public void delete(String key) {
                real.delete(key);
            }
        }, MediaStore.class);
    }

    String upload() {
        byte[] png = SampleMedia.png(1_500);
        JsonPath ticket = Uploads.ask(world.therapistA().accessToken(), "image/png", png, null);
        assertEquals(200, Uploads.put(ticket, png));
        return ticket.getString("media.id");
    }

    @Test
    void anUploadWhoseDeadlinePassesDuringTheProbeIsExpiredNotCompleted() {
        String id = upload();
        wrapStore(() -> clock.shift(Duration.ofHours(25)));
        as(world.therapistA().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "media-upload-expired"));
        assertEquals("PENDING", data.query("select state from media where id = ?", UUID.fromString(id)).get(0));
        assertEquals(0L, ((Number) data.query("select count(*) from audit_event where entity_id = ? and action = ?",
                id, "upload-completed").get(0)).longValue());
    }

    @Test
    void anUploadTheCleanupRemovesDuringTheProbeIsNotFound() {
        String id = upload();
        wrapStore(() -> data.execute("delete from media where id = ?", UUID.fromString(id)));
        as(world.therapistA().accessToken()).post("/v1/media/" + id + "/complete").then().statusCode(404);
        assertEquals(0, data.query("select 1 from media where id = ?", UUID.fromString(id)).size());
    }
}
