package app.glide.suggestion;

import app.glide.access.Role;
import app.glide.plan.ServedPlan;
import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

@PatientWrites
@Path("/v1/patients/{patientId}/plan/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class SuggestionResource {

    @Inject
    SuggestionViews views;

    @Inject
    SuggestionCommands commands;

    public record DeclineRequest(@Size(max = 500) String reason) {
    }

    @GET
    @PatientDataRead(AccessedData.SUGGESTIONS)
    public List<Suggestion> list(@PathParam("patientId") UUID patientId) {
        return views.list(patientId);
    }

    @POST
    @Path("/{itemId}/accept")
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response accept(@PathParam("patientId") UUID patientId, @PathParam("itemId") UUID itemId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ServedPlan served = commands.accept(patientId, itemId, ifMatch);
        return Response.ok(served.view()).header(HttpHeaders.ETAG, served.etag().header()).build();
    }

    @POST
    @Path("/{itemId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public void decline(@PathParam("patientId") UUID patientId, @PathParam("itemId") UUID itemId, DeclineRequest request) {
        commands.decline(patientId, itemId, request == null ? null : request.reason());
    }
}
