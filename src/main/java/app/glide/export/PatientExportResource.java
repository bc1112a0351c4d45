package app.glide.export;

import app.glide.access.Role;
import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
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

/** Staff run a patient's data export (the care team's therapists, the clinic's admins). */
@PatientWrites
@Path("/v1/patients/{patientId}/exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
public class PatientExportResource {

    @Inject
    PatientExports exports;

    @POST
    public Response start(@PathParam("patientId") UUID patientId) {
        ExportView v = exports.request(patientId);
        return ExportResponses.accepted(v, "/v1/patients/" + patientId + "/exports/" + v.id());
    }

    @GET
    @Path("/{exportId}")
    public ExportView get(@PathParam("patientId") UUID patientId, @PathParam("exportId") UUID exportId) {
        return exports.get(patientId, exportId);
    }

    @PatientDataRead(AccessedData.DATA_EXPORT)
    @GET
    @Path("/{exportId}/download")
    @Produces({ExportResponses.ZIP, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("patientId") UUID patientId, @PathParam("exportId") UUID exportId) {
        return ExportResponses.zip(exports.download(patientId, exportId), exports);
    }
}
