package app.glide.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.web.PatientDataRead;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every staff read of one patient's data is in the access log (issue 17, item 5;
 * docs/security.md "Access log"): each GET under {@code /v1/patients/{patientId}/} carries
 * {@link PatientDataRead}, or is listed in {@link #EXEMPT} with the reason it discloses no
 * health data. A new endpoint without either fails here.
 */
class PatientDataReadCoverageTest {

    static final String PATIENT = "/v1/patients/{patientId}";

    /** GETs of one patient that are not recorded, and why. */
    static final Map<String, String> EXEMPT = Map.of(
            PATIENT, "the patient's name, time zone and enrolment status: what the caseload and patient list show,"
                    + " no health data",
            PATIENT + "/care-team", "who treats the patient: the clinic's own staffing, no health data",
            PATIENT + "/access-log", "the access log itself (admin only): who read the record, no health data",
            PATIENT + "/exports/{exportId}", "the state of a data export (status, size, hash, expiry): no health data;"
                    + " its download is recorded");

    static JavaClasses main() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("app.glide");
    }

    /** The full path of each GET resource method, with whether it carries PatientDataRead. */
    static Map<String, Boolean> gets(JavaClasses classes) {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            String root = c.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : c.getMethods()) {
                if (!m.isAnnotatedWith(GET.class)) {
                    continue;
                }
                String path = m.tryGetAnnotationOfType(Path.class).map(p -> join(root, p.value())).orElse(root);
                boolean recorded = m.isAnnotatedWith(PatientDataRead.class) || c.isAnnotatedWith(PatientDataRead.class);
                out.merge(path, recorded, Boolean::logicalAnd);
            }
        }
        return out;
    }

    static String join(String root, String sub) {
        String a = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return sub.isEmpty() ? a : a + (sub.startsWith("/") ? sub : "/" + sub);
    }

    @Test
    void everyStaffReadOfAPatientIsRecordedOrExemptWithAReason() {
        List<String> unrecorded = new ArrayList<>();
        Set<String> seenExempt = new TreeSet<>();
        gets(main()).forEach((path, recorded) -> {
            if (!path.equals(PATIENT) && !path.startsWith(PATIENT + "/")) {
                return;
            }
            if (EXEMPT.containsKey(path)) {
                seenExempt.add(path);
                if (recorded) {
                    unrecorded.add(path + " is exempt and recorded: drop it from EXEMPT");
                }
            } else if (!recorded) {
                unrecorded.add("GET " + path + " has no @PatientDataRead (and is not in EXEMPT with a reason)");
            }
        });
        assertEquals(List.of(), unrecorded);
        // An exemption for an endpoint that no longer exists is stale.
        assertEquals(new TreeSet<>(EXEMPT.keySet()), seenExempt);
    }

    @Test
    void theRuleSeesTheEndpointsItGuards() {
        // The scan finds the annotated reads (so a broken scan cannot pass the rule above vacuously).
        Map<String, Boolean> gets = gets(main());
        assertEquals(Boolean.TRUE, gets.get(PATIENT + "/plan"));
        assertEquals(Boolean.TRUE, gets.get(PATIENT + "/visits/{visitId}"));
        assertEquals(Boolean.FALSE, gets.get(PATIENT + "/care-team"));
        assertEquals(Boolean.FALSE, gets.get("/v1/caseload"));
    }
}
