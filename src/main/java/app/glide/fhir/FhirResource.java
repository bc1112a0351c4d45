package app.glide.fhir;

import app.glide.access.Role;
import app.glide.patient.PatientAccess;
import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's record as a FHIR R4 Bundle, for the care team and the clinic admin (others get 404
 * through {@link PatientAccess}). {@code _since} narrows it to what changed from then on (see
 * docs/fhir.md). The patient's own: {@link MeFhirResource}.
 */
@Path("/v1/patients/{patientId}/fhir")
@Produces({FhirResource.FHIR_JSON, FhirResource.PLAIN_JSON})
public class FhirResource {

    /** FHIR's own JSON type, preferred: what a client gets unless it asks only for plain JSON. */
    public static final String FHIR_JSON = "application/fhir+json";
    /** The same Bundle for a client that accepts only {@code application/json} (FHIR R4 allows it, 3.1.0.1.4). */
    public static final String PLAIN_JSON = "application/json;qs=0.9";

    @Inject
    FhirExport export;

    @Inject
    PatientAccess access;

    @Inject
    Clock clock;

    @PatientDataRead(AccessedData.FHIR_EXPORT)
    @GET
    @RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
    public String patient(@PathParam("patientId") UUID patientId, @QueryParam("_since") String since) {
        Instant now = clock.instant();
        Instant from = FhirSince.parse(since, now);
        access.require(patientId);
        return export.json(patientId, from, now);
    }
}
