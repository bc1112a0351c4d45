package app.glide.progress;

import app.glide.access.Caller;
import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The patient's own progress series, for the phone's charts. */
@Path("/v1/me/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeProgressResource {

    @Inject
    Caller caller;

    @Inject
    ProgressService progress;

    @GET
    public ProgressDtos.ProgressSeries progress(@QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("bucket") String bucket) {
        return progress.series(caller.userId(), from, to, bucket);
    }
}
