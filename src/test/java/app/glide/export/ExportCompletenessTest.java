package app.glide.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.PatientTables;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The export misses no table that holds a patient's data. A table holds a patient's data when,
 * in the migrated schema (information_schema, so a table a new migration adds counts at once):
 * <ol>
 * <li>it has a column named {@code patient_id}, or</li>
 * <li>a foreign key to {@code patient}, or</li>
 * <li>a column named {@code user_id} with a foreign key to {@code app_user} (the account's own rows:
 *     sign-ins, revocations, reset tokens), or</li>
 * <li>a foreign key to the primary key of a table that holds a patient's data (plan revisions of a
 *     plan, versions of a visit, ...), transitively.</li>
 * </ol>
 * Each such table must be written by the export (ExportCatalogue, or any ExportPart bean's
 * {@code tables()}, so other features' files count) or be listed in ExportCatalogue.EXCLUDED with a
 * reason. A new table with a patient column that is neither fails here.
 */
@QuarkusTest
class ExportCompletenessTest {

    @Inject
    TestData data;

    @Inject
    ExportZip zip;

    @Test
    void everyTableWithAPatientsDataIsExportedOrExcludedWithAReason() {
        Set<String> holding = patientTables();
        Set<String> covered = new TreeSet<>(zip.exportedTables());
        covered.addAll(ExportCatalogue.EXCLUDED.keySet());
        Set<String> missing = new TreeSet<>(holding);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "tables with a patient's data that the export neither writes nor excludes"
                + " (add them to ExportCatalogue.AREAS, an ExportPart's tables(), or EXCLUDED with a reason)");
        // The rule finds what it should (a broken query would find nothing and pass).
        assertTrue(holding.containsAll(Set.of("session_log", "plan_revision", "visit_version", "refresh_token",
                "message", "patient_export", "suggestion_outcome")), holding.toString());
    }

    @Test
    void exclusionsAndCatalogueNameRealTables() {
        Set<String> holding = patientTables();
        Set<String> stale = new TreeSet<>(ExportCatalogue.EXCLUDED.keySet());
        stale.removeAll(holding);
        assertEquals(Set.of(), stale, "excluded tables that hold no patient data (any more): drop them from EXCLUDED");
        ExportCatalogue.EXCLUDED.values().forEach(reason -> assertTrue(reason.length() > 20, reason));
        Set<String> unknown = new TreeSet<>(ExportCatalogue.tables());
        unknown.removeAll(tables());
        assertEquals(Set.of(), unknown, "catalogue areas reading tables that do not exist");
    }

    private Set<String> tables() {
        return PatientTables.all(data);
    }

    private Set<String> patientTables() {
        return PatientTables.holdingPatientData(data);
    }
}
