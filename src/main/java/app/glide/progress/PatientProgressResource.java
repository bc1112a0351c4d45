package app.glide.progress;

import app.glide.access.Role;
import app.glide.db.ReadRouting;
import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A patient's progress series, for the care team and the clinic admin (others: 404, as every patient path). */
@Path("/v1/patients/{patientId}/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class PatientProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    ReadRouting routing;

    @GET
    @PatientDataRead(AccessedData.PROGRESS)
    public ProgressDtos.ProgressSeries progress(@PathParam("patientId") UUID patientId,
                                                @QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("bucket") String bucket) {
        // Lag-tolerant (docs/operations.md "Read routing"): the series' day roll-ups, sessions and
        // markers may come from the replica; the access check and the plan are the primary's.
        return routing.lagTolerant(() -> progress.series(patientId, from, to, bucket));
    }
}
