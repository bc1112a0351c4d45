package app.glide.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.glide.db.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exercise cache in plain Java: bounded, whatever the number of clinic exercises. */
class ExerciseCatalogCacheTest {

    private final ExerciseCatalog catalog = new ExerciseCatalog();

    ExerciseCatalogCacheTest() {
        catalog.json = new JsonColumns(new ObjectMapper());
    }

    private static Exercise exercise(int i) {
        Exercise x = new Exercise();
        x.id = UUID.randomUUID();
        x.clinicId = UUID.randomUUID();
        x.slug = "own-" + i;
        x.name = "Own exercise " + i;
        x.category = Category.values()[0];
        x.summary = "s";
        x.instructions = "[\"do it\"]";
        x.cautions = "[]";
        x.dosageType = DosageType.values()[0];
        x.defaultDosage = "{}";
        x.equipment = "[]";
        return x;
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < ExerciseCatalog.MAX_ENTRIES + 500; i++) {
            catalog.remember(exercise(i));
        }
        assertEquals(ExerciseCatalog.MAX_ENTRIES, catalog.cachedEntries());
    }

    @Test
    void aRememberedExerciseIsServedFromTheCache() {
        Exercise x = exercise(1);
        ExerciseCatalog.Entry e = catalog.remember(x);
        // No database in this test: a miss would fail on the Panache static.
        assertSame(e, catalog.get(x.id).orElseThrow());
    }
}
