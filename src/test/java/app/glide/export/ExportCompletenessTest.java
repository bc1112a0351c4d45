package app.glide.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
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
        return new TreeSet<>(data.<String>query("""
                select table_name::text from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'"""));
    }

    private Set<String> patientTables() {
        Set<String> found = new TreeSet<>(data.<String>query("""
                select c.table_name::text from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'patient_id'"""));
        // Foreign keys from pg_catalog: information_schema shows constraint columns only to the tables' owner.
        List<Object[]> keys = data.query("""
                select child.relname::text, parent.relname::text,
                       exists (select 1 from pg_constraint pk where pk.conrelid = f.confrelid and pk.contype = 'p'
                               and pk.conkey = f.confkey),
                       array_to_string(array(select a.attname from pg_attribute a
                                             where a.attrelid = f.conrelid and a.attnum = any (f.conkey)), ',')
                from pg_constraint f
                join pg_class child on child.oid = f.conrelid
                join pg_class parent on parent.oid = f.confrelid
                where f.contype = 'f' and f.connamespace = cast(current_schema() as regnamespace)""");
        TreeMap<String, Set<String>> children = new TreeMap<>();
        for (Object[] k : keys) {
            String child = (String) k[0];
            String parent = (String) k[1];
            if (parent.equals("patient") || (parent.equals("app_user") && k[3].equals("user_id"))) {
                found.add(child);
            }
            if (Boolean.TRUE.equals(k[2])) {
                children.computeIfAbsent(parent, x -> new TreeSet<>()).add(child);
            }
        }
        found.remove("patient");
        // Children: a foreign key onto a patient table's primary key, until nothing new turns up.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String parent : List.copyOf(found)) {
                grew |= found.addAll(children.getOrDefault(parent, Set.of()));
            }
        }
        found.remove("patient");
        return found;
    }
}
