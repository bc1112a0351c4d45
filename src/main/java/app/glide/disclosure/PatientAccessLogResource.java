package app.glide.disclosure;

import app.glide.access.Role;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A patient's access log for the clinic admin (not itself recorded: it holds no health data). */
@Path("/v1/patients/{patientId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class PatientAccessLogResource {

    @Inject
    AccessLogQueries log;

    @GET
    public Page<AccessRecord> list(@PathParam("patientId") UUID patientId,
                                   @QueryParam("cursor") @Size(max = 512) String cursor,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return log.ofPatient(patientId, cursor, limit);
    }
}
