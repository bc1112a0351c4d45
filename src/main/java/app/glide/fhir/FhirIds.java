package app.glide.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;

/**
 * Resource ids: ours where a resource is one of our rows (patient, user, clinic, plan, visit, message,
 * questionnaire response, alert), else a name-based (version 3) UUID of what the resource is derived
 * from, so that every export of the same data gives the same ids. Plain Java.
 */
final class FhirIds {

    private FhirIds() {
    }

    /** A stable id for a resource derived from our rows, e.g. {@code derived("pain-before", sessionId)}. */
    static String derived(String what, Object... of) {
        StringBuilder name = new StringBuilder("glide:").append(what);
        for (Object part : of) {
            name.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String fullUrl(String id) {
        return "urn:uuid:" + id;
    }

    static Reference ref(String id) {
        return new Reference(fullUrl(id));
    }

    static Reference ref(UUID id) {
        return ref(id.toString());
    }
}
