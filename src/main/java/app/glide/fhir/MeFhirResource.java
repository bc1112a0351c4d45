package app.glide.fhir;

import app.glide.access.Caller;
import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;

/** The signed-in patient's own record as a FHIR R4 Bundle (the same as the care team's). */
@Path("/v1/me/fhir")
@Produces({FhirResource.FHIR_JSON, FhirResource.PLAIN_JSON})
@RolesAllowed(Role.PATIENT_NAME)
public class MeFhirResource {

    @Inject
    FhirExport export;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    public String mine(@QueryParam("_since") String since) {
        Instant now = clock.instant();
        return export.json(caller.userId(), FhirSince.parse(since, now), now);
    }
}
