package app.glide.audit;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTest {

    @Inject
    TestData data;

    @Inject
    AuditSealer sealer;

    @Test
    void everyWriteIsAuditedWithActorAndRequestId() {
        ClinicWorld w = ClinicWorld.create(data, "Audited clinic");
        String patient = w.patient().id().toString();
        as(w.therapistA().accessToken()).header("X-Request-Id", "audit-check-1")
                .body(Map.of("timeZone", "Europe/Paris")).patch("/v1/patients/" + patient).then().statusCode(200);
        as(w.admin().accessToken()).queryParam("entityType", "patient").queryParam("entityId", patient)
                .get("/v1/audit-events").then().statusCode(200)
                .body("items[0].action", equalTo("updated"))
                .body("items[0].actorUserId", equalTo(w.therapistAInfo().id().toString()))
                .body("items[0].actorRole", equalTo("THERAPIST"))
                .body("items[0].requestId", equalTo("audit-check-1"))
                .body("items[0].details.timeZone.to", equalTo("Europe/Paris"))
                .body("items.action", hasItem("created"))
                .body("items.action", hasItem("enrolled"));
        as(w.admin().accessToken()).queryParam("entityType", "therapist").get("/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("created"));
    }

    @Test
    void theTrailIsAppendOnly() throws Exception {
        ClinicWorld.create(data, "Tamper clinic");
        sealer.sealAll(true);
        // The application's role has no such privilege (DatabasePrivilegesTest has the rest)...
        Exception update = assertThrows(Exception.class, () -> data.execute("update audit_event set action = 'x'"));
        assertTrue(rootMessage(update).contains("permission denied"), rootMessage(update));
        Exception delete = assertThrows(Exception.class, () -> data.execute("delete from audit_event"));
        assertTrue(rootMessage(delete).contains("permission denied"), rootMessage(delete));
        // ...and the trigger refuses even the owner, unless the owner switches it off (AuditChainTest).
        String schema = (String) data.<Object>query("select current_schema()").get(0);
        try (Connection owner = TestDatabase.owner(schema);
             Statement st = owner.createStatement()) {
            for (String sql : List.of("update audit_event set action = 'x'", "delete from audit_event",
                    "truncate audit_event", "update audit_event set seal_seq = null, chain_hash = null where seal_seq is not null")) {
                Exception refused = assertThrows(Exception.class, () -> st.execute(sql), sql);
                assertTrue(rootMessage(refused).contains("append-only"), rootMessage(refused));
            }
        }
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
