package app.glide.flare;

import app.glide.access.Role;
import app.glide.plan.PlanDtos;
import app.glide.plan.PlanService;
import app.glide.session.SymptomExtent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FlareResource {

    @Inject
    FlareService flares;

    public record FlareRequest(@NotNull @Min(0) @Max(10) Integer pain, @NotNull SymptomExtent symptomExtent) {
    }

    public record RecoveredRequest(@NotNull @Min(0) @Max(10) Integer pain) {
    }

    @POST
    @Path("/me/flare-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PATIENT_NAME)
    public Response report(@Valid @NotNull FlareRequest request) {
        return Response.status(201).entity(flares.report(request.pain(), request.symptomExtent())).build();
    }

    @POST
    @Path("/me/flare-ups/current/recovered")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PATIENT_NAME)
    public FlareService.FlareView recovered(@Valid @NotNull RecoveredRequest request) {
        return flares.recovered(request.pain());
    }

    @POST
    @Path("/patients/{patientId}/plan/flare-up/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response clear(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull PlanDtos.ReasonRequest request) {
        PlanService.Served served = flares.clear(patientId, ifMatch, request.reason());
        return Response.ok(served.view()).header(HttpHeaders.ETAG, served.etag().header()).build();
    }
}
