package app.glide.disclosure;

import app.glide.web.AccessedData;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** One read of a patient's health data by a staff member, as the patient and the clinic admin see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessRecord(Instant occurredAt, UUID actorUserId, String actorName, String actorRole,
                           AccessedData what, String requestId) {

    /** The patient's view: without the request id (an operator's handle, meaningless to them). */
    AccessRecord forPatient() {
        return new AccessRecord(occurredAt, actorUserId, actorName, actorRole, what, null);
    }
}
