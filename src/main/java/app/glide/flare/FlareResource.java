package app.glide.flare;

import app.glide.access.Role;
import app.glide.symptom.SymptomExtent;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The patient's flare-up reports. (Paths under /v1/me need their own resource class: JAX-RS matches the longest class path first.) */
@PatientWrites
@Path("/v1/me/flare-ups")
@Produces(MediaType.APPLICATION_JSON)
public class FlareResource {

    @Inject
    FlareService flares;

    public record FlareRequest(@NotNull @Min(0) @Max(10) Integer pain, @NotNull SymptomExtent symptomExtent) {
    }

    public record RecoveredRequest(@NotNull @Min(0) @Max(10) Integer pain) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PATIENT_NAME)
    public Response report(@Valid @NotNull FlareRequest request) {
        return Response.status(201).entity(flares.report(request.pain(), request.symptomExtent())).build();
    }

    @POST
    @Path("/current/recovered")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PATIENT_NAME)
    public FlareService.FlareView recovered(@Valid @NotNull RecoveredRequest request) {
        return flares.recovered(request.pain());
    }
}
