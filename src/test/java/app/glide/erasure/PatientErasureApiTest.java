package app.glide.erasure;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.audit.AuditSealer;
import app.glide.export.ExportJob;
import app.glide.export.PatientHistory;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure (docs/security.md, "Erasure"): afterwards no text, varchar or jsonb column of any
 * table of the schema holds the patient's name or the email address they wrote, while the audit
 * trail still verifies with the auditor's own query (scripts/verify-audit.sql) and still has
 * the record's events, now under ids that lead to the pseudonym. With the clinical record
 * retained, exactly the retained visit notes still hold the name. Sign-in stops, the request
 * and outcome are audited, and refusals: therapist 403, other clinic or unknown 404, twice 409.
 */
@QuarkusTest
class PatientErasureApiTest {

    @Inject
    TestData data;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditSealer sealer;

    @Inject
    ExportJob exports;

    ClinicWorld world;
    String name;
    String email;
    PatientHistory history;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Erasure clinic");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        name = "Zephyrine Quillfeather " + tag;
        email = "zephyrine." + tag + "@mail.example";
        history = PatientHistory.create(world.therapistA(), name, name + " <" + email + ">");
        history.replaceRestoreAndEndPlan(world.therapistA(), name + " <" + email + ">");
        // An export, built (its files hold the name) and one of the patient's own.
        as(history.patient().accessToken()).post("/v1/me/exports").then().statusCode(202);
        exports.runOnce();
        assertTrue(hits(name).size() > 5, "the name is in many places before: " + hits(name));
    }

    String path() {
        return "/v1/patients/" + history.patientId() + "/erasure";
    }

    @Test
    void nothingPersonalIsLeftAndTheAuditTrailStillVerifies() throws Exception {
        long eventsBefore = count("select count(*) from audit_event where entity_id = ?", history.patientId().toString());
        String pseudonym = as(world.admin().accessToken())
                .body(Map.of("reason", "PATIENT_REQUEST", "retainClinicalRecords", false)).post(path())
                .then().statusCode(200).body("clinicalRecordsRetained", equalTo(false))
                .body("pseudonym", startsWith("Erased patient ")).extract().path("pseudonym");

        assertEquals(List.of(), hits(name), "the name");
        assertEquals(List.of(), hits(email), "the email");
        for (String table : List.of("session_log", "visit", "plan", "message", "device", "patient_export", "media")) {
            assertEquals(0L, count("select count(*) from " + table + " where patient_id = ?", history.patientId()), table);
        }
        assertEquals(List.of(pseudonym), data.query("select display_name from app_user where id = ?", history.patientId()));
        assertEquals(List.of(false), data.query("select active from app_user where id = ?", history.patientId()));

        // The trail kept every event and gained the request and the outcome; it still verifies.
        assertEquals(List.of("erased", "erasure_requested"), data.query("""
                select action from audit_event where entity_id = ? and action like 'eras%' order by action""",
                history.patientId().toString()));
        assertEquals(eventsBefore + 2, count("select count(*) from audit_event where entity_id = ?",
                history.patientId().toString()));
        AuditSealer.Seal seal = sealer.sealAll(true);
        String verdict = verifyAudit();
        assertTrue(verdict.startsWith("OK: " + seal.headSeq() + " sealed event(s) chained"), verdict);

        // Signed out everywhere: the refresh token no longer works.
        api().body(Map.of("refreshToken", history.patient().refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401);
        as(world.admin().accessToken()).body(Map.of("reason", "PATIENT_REQUEST")).post(path()).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/patient-already-erased"));
        as(world.admin().accessToken()).post("/v1/patients/" + history.patientId() + "/exports").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/patient-erased"));
    }

    @Test
    void retainedClinicalRecordsKeepOnlyTheClinicalNotes() {
        as(world.admin().accessToken()).body(Map.of("reason", "LEGAL_OBLIGATION")).post(path())
                .then().statusCode(200).body("clinicalRecordsRetained", equalTo(true));
        // The clinic's default keeps the clinical record: visit and plan revision as written (their
        // notes and reason name the patient), sessions without the patient's note.
        List<String> retained = List.of("plan_revision.reason", "visit_version.body");
        assertEquals(retained, hits(name));
        assertEquals(retained, hits(email), "what staff wrote into the clinical record stays as written");
        assertEquals(1L, count("select count(*) from session_log where patient_id = ? and note is null", history.patientId()));
        assertEquals(0L, count("select count(*) from message where patient_id = ?", history.patientId()));
        assertEquals(0L, count("select count(*) from session_comment where patient_id = ?", history.patientId()));
        assertEquals(1L, count("select count(*) from visit where patient_id = ?", history.patientId()));
    }

    @Test
    void noWriteForTheErasedPatientIsAcceptedAfterwards() {
        String pseudonym = as(world.admin().accessToken()).body(Map.of("reason", "PATIENT_REQUEST")).post(path())
                .then().statusCode(200).extract().path("pseudonym");
        String patientPath = "/v1/patients/" + history.patientId();
        long sessions = count("select count(*) from session_log where patient_id = ?", history.patientId());

        // The patient's app, with the access token it had before: signed out (tokens revoked), nothing written.
        Map<String, Object> session = app.glide.testing.Actors.sessionBody(history.planId(), 1,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                20, 3, 4, 2, 5, "BUTTOCK", List.of());
        as(history.patient().accessToken()).body(session).put("/v1/me/sessions/" + UUID.randomUUID())
                .then().statusCode(401);
        as(history.patient().accessToken()).body(Map.of("body", "Still me, " + name))
                .put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(401);
        // Staff still signed in: refused by the erased-patient guard.
        as(world.therapistA().accessToken()).body(Map.of("body", "Hello again " + name))
                .post(patientPath + "/messages").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/patient-erased"));
        as(world.therapistA().accessToken()).body(Map.of("displayName", name)).patch(patientPath)
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/patient-erased"));

        assertEquals(sessions, count("select count(*) from session_log where patient_id = ?", history.patientId()));
        assertEquals(0L, count("select count(*) from message where patient_id = ?", history.patientId()));
        assertEquals(List.of(pseudonym), data.query("select display_name from app_user where id = ?", history.patientId()));
        assertEquals(List.of(), hits(name).stream().filter(h -> !h.startsWith("plan_revision.") && !h.startsWith("visit_version."))
                .toList());
    }

    /** The service's role cannot mark a patient erased (or un-erase one) itself: only erase_patient can. */
    @Test
    void theAppRoleCannotWriteTheErasureColumns() throws Exception {
        for (String statement : List.of("update patient set erased_at = now() where id = ?",
                "update patient set pseudonym = 'x', erased_at = now(), clinical_records_retained = false where id = ?",
                "update patient set clinical_records_retained = null where id = ?")) {
            assertEquals("42501", sqlStateOf(statement, history.patientId()), statement);
        }
        // Not erased: the visit versions stay.
        assertTrue(sqlStateOf("select erase_visit_versions(?)", history.patientId()) != null);
        assertEquals(List.of(), data.query("select erased_at from patient where id = ? and erased_at is not null",
                history.patientId()));
        as(world.admin().accessToken()).body(Map.of("reason", "LEGAL_OBLIGATION", "retainClinicalRecords", true))
                .post(path()).then().statusCode(200);
        // Erased retaining the clinical record: the visit versions still stay.
        assertTrue(sqlStateOf("select erase_visit_versions(?)", history.patientId()) != null);
        assertEquals(1L, count("select count(*) from visit_version vv join visit v on v.id = vv.visit_id where v.patient_id = ?",
                history.patientId()));
        // Un-erasing is refused too, and a second erase_patient.
        assertEquals("42501", sqlStateOf("update patient set erased_at = null, pseudonym = null where id = ?",
                history.patientId()));
        assertTrue(sqlStateOf("select erase_patient(?, false, now())", history.patientId()) != null);
        assertEquals(List.of(true), data.query("select clinical_records_retained from patient where id = ?",
                history.patientId()));
    }

    /** Runs one statement as the service's role (the application's pool); its SQLSTATE, or null when it passed. */
    String sqlStateOf(String statement, Object param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, param);
            ps.execute();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    @Test
    void theClinicsSettingDecidesWhenTheRequestDoesNot() {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("painRisePoints", 2.0, "worseMorningsInARow", 2,
                "lowAdherencePercent", 50, "inactivityDays", 3, "redFlagMessage", "Call your doctor now."));
        settings.put("erasureRetainsClinicalRecords", false);
        as(world.admin().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(200)
                .body("erasureRetainsClinicalRecords", equalTo(false));
        as(world.admin().accessToken()).body(Map.of("reason", "CONSENT_WITHDRAWN")).post(path())
                .then().statusCode(200).body("clinicalRecordsRetained", equalTo(false));
        assertEquals(List.of(), hits(name));
        assertEquals(0L, count("select count(*) from visit where patient_id = ?", history.patientId()));
    }

    @Test
    void onlyTheClinicsAdminErases() {
        Map<String, Object> body = Map.of("reason", "PATIENT_REQUEST");
        ClinicWorld other = ClinicWorld.create(data, "Erasure other clinic");
        as(world.therapistA().accessToken()).body(body).post(path()).then().statusCode(403);
        as(history.patient().accessToken()).body(body).post(path()).then().statusCode(403);
        as(other.admin().accessToken()).body(body).post(path()).then().statusCode(404);
        as(world.admin().accessToken()).body(body).post("/v1/patients/" + UUID.randomUUID() + "/erasure")
                .then().statusCode(404).body("type", equalTo("https://glide.example/problems/not-found"));
        api().body(body).post(path()).then().statusCode(401);
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken())
                .body(Map.of("reason", "BECAUSE")).post(path()).then().statusCode(400);
        assertEquals(List.of(), data.query("select erased_at from patient where id = ? and erased_at is not null",
                history.patientId()));
        assertTrue(hits(name).size() > 5);
    }

    long count(String sql, Object param) {
        return ((Number) data.query(sql, param).get(0)).longValue();
    }

    /** Every text, varchar, jsonb or text[] column of every table of the schema that contains {@code needle}. */
    List<String> hits(String needle) {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                           or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from \"" + col[0] + "\" where strpos(\""
                        + col[1] + "\"::text, ?) > 0)")) {
                    ps.setString(1, needle);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            found.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(new TreeSet<>(found));
    }

    String verifyAudit() throws Exception {
        String schema = (String) data.<Object>query("select current_schema()").get(0);
        String sql = Files.readString(Path.of("scripts/verify-audit.sql"), StandardCharsets.UTF_8)
                .replace("__ANCHOR_SEQ__", "0").replace("__ANCHOR_HASH__", "");
        try (Connection owner = TestDatabase.owner(schema); Statement st = owner.createStatement()) {
            st.execute("set search_path = pg_catalog, " + schema);
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
