package app.glide.session;

import app.glide.access.Role;
import app.glide.adherence.AdherenceService;
import app.glide.session.SessionDtos.SessionPage;
import app.glide.web.AccessedData;
import app.glide.web.PageCursor;
import app.glide.web.PatientDataRead;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A patient's sessions and adherence, for the care team and the clinic admin. */
@PatientWrites
@Path("/v1/patients/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class PatientSessionResource {

    @Inject
    SessionFeed feed;

    @Inject
    SessionComments comments;

    @Inject
    AdherenceService adherence;

    @GET
    @PatientDataRead(AccessedData.SESSIONS)
    @Path("/sessions")
    public SessionPage sessions(@PathParam("patientId") UUID patientId,
                                @QueryParam("cursor") @Size(max = 512) String cursor,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return feed.forTherapist(patientId, cursor, limit);
    }

    @POST
    @Path("/sessions/{sessionId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response comment(@PathParam("patientId") UUID patientId, @PathParam("sessionId") UUID sessionId,
                            @Valid @NotNull SessionDtos.CommentRequest request) {
        return Response.status(201).entity(comments.comment(patientId, sessionId, request.body())).build();
    }

    @GET
    @PatientDataRead(AccessedData.ADHERENCE)
    @Path("/adherence")
    public AdherenceService.AdherenceView adherence(@PathParam("patientId") UUID patientId) {
        return adherence.forPatient(patientId);
    }
}
