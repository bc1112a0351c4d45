package app.glide.erasure;

import app.glide.access.Role;
import app.glide.erasure.ErasureDtos.ErasureRequest;
import app.glide.erasure.ErasureDtos.ErasureView;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A clinic admin erases a patient of the clinic on request. */
@PatientWrites
@Path("/v1/patients/{patientId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class PatientErasureResource {

    @Inject
    PatientErasure erasure;

    @POST
    public ErasureView erase(@PathParam("patientId") UUID patientId, @Valid @NotNull ErasureRequest request) {
        return erasure.erase(patientId, request);
    }
}
