package app.glide.erasure;

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
 * Erasure misses no table where a patient's free text can be: every table that holds a patient's
 * data (PatientTables, the export's rule) and has a text, varchar, json(b) or text[] column is
 * handled by an ErasureSteps step or by PatientErasure itself (ErasureSteps.BY_ERASURE), or is
 * listed in ErasureSteps.KEPT with a reason. A new such table fails here until it is decided.
 */
@QuarkusTest
class ErasureCompletenessTest {

    @Inject
    TestData data;

    @Test
    void everyPatientTableWithTextIsErasedOrKeptWithAReason() {
        Set<String> withText = PatientTables.withText(data, PatientTables.holdingPatientData(data));
        Set<String> handled = new TreeSet<>();
        ErasureSteps.STEPS.forEach(s -> handled.add(s.table()));
        handled.addAll(ErasureSteps.BY_ERASURE.keySet());
        handled.addAll(ErasureSteps.KEPT.keySet());
        Set<String> missing = new TreeSet<>(withText);
        missing.removeAll(handled);
        assertEquals(Set.of(), missing, "patient tables with text that erasure neither handles nor keeps with a reason"
                + " (add a step to ErasureSteps.STEPS, or the table to ErasureSteps.KEPT with a reason)");
        // The rule finds what it should (a broken query would find nothing and pass).
        assertTrue(withText.containsAll(Set.of("session_log", "message", "visit_version", "plan_revision")), withText.toString());
        Set<String> stale = new TreeSet<>(ErasureSteps.KEPT.keySet());
        stale.addAll(ErasureSteps.BY_ERASURE.keySet());
        stale.removeAll(PatientTables.holdingPatientData(data));
        assertEquals(Set.of(), stale, "kept or handled tables that hold no patient data (any more)");
        ErasureSteps.KEPT.values().forEach(reason -> assertTrue(reason.length() > 20, reason));
    }
}
