package app.glide.export;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The patient's own data export: start, poll, download. */
@PatientWrites
@Path("/v1/me/exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeExportResource {

    @Inject
    PatientExports exports;

    @Inject
    Caller caller;

    @POST
    public Response start() {
        ExportView v = exports.request(caller.userId());
        return ExportResponses.accepted(v, "/v1/me/exports/" + v.id());
    }

    @GET
    @Path("/{exportId}")
    public ExportView get(@PathParam("exportId") UUID exportId) {
        return exports.get(caller.userId(), exportId);
    }

    @GET
    @Path("/{exportId}/download")
    @Produces({ExportResponses.ZIP, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("exportId") UUID exportId) {
        return ExportResponses.zip(exports.download(caller.userId(), exportId), exports);
    }
}
