package app.glide.flare;

import app.glide.access.Role;
import app.glide.plan.PlanDtos;
import app.glide.plan.ServedPlan;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A therapist on the care team ends a patient's flare-up. */
@PatientWrites
@Path("/v1/patients/{patientId}/plan/flare-up")
@Produces(MediaType.APPLICATION_JSON)
public class PatientFlareResource {

    @Inject
    FlareService flares;

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response clear(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull PlanDtos.ReasonRequest request) {
        ServedPlan served = flares.clear(patientId, ifMatch, request.reason());
        return Response.ok(served.view()).header(HttpHeaders.ETAG, served.etag().header()).build();
    }
}
