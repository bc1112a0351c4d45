package app.glide.session;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.adherence.AdherenceService;
import app.glide.safety.RedFlagDtos;
import app.glide.safety.RedFlagService;
import app.glide.session.SessionDtos.SessionPage;
import app.glide.web.ApiProblem;
import app.glide.web.PageCursor;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The patient's logging, sync, safety check-ins and adherence, for the mobile app. */
@PatientWrites
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeSessionResource {

    @Inject
    SessionLogging sessions;

    @Inject
    SessionFeed feed;

    @Inject
    MorningChecks morningChecks;

    @Inject
    BatchLogger batches;

    @Inject
    RedFlagService redFlags;

    @Inject
    AdherenceService adherence;

    @Inject
    Caller caller;

    @PUT
    @Path("/sessions/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response log(@PathParam("sessionId") UUID sessionId, @Valid @NotNull SessionDtos.SessionRequest request) {
        if (SessionIds.isNil(sessionId)) {
            throw ApiProblem.invalidField("sessionId", SessionIds.NIL_MESSAGE);
        }
        SessionLogging.Logged logged = sessions.log(sessionId, request);
        return Response.status(logged.created() ? 201 : 200).entity(logged.view()).build();
    }

    @POST
    @Path("/sessions/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionDtos.BatchResponse batch(@Valid @NotNull SessionDtos.BatchRequest request, @Context UriInfo uri) {
        return new SessionDtos.BatchResponse(batches.log(request.sessions(), uri.getPath()));
    }

    @GET
    @Path("/sessions")
    public SessionPage list(@QueryParam("since") OffsetDateTime since,
                            @QueryParam("cursor") @Size(max = 512) String cursor,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return feed.changedSince(since == null ? null : since.toInstant(), cursor, limit);
    }

    @PUT
    @Path("/sessions/{sessionId}/morning-check")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionDtos.MorningCheckView morningCheck(@PathParam("sessionId") UUID sessionId,
                                                     @Valid @NotNull SessionDtos.MorningCheckRequest request) {
        return morningChecks.morningCheck(sessionId, request);
    }

    @POST
    @Path("/red-flag-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redFlag(@Valid @NotNull RedFlagDtos.RedFlagRequest request) {
        return Response.status(201).entity(redFlags.checkIn(request)).build();
    }

    @GET
    @Path("/adherence")
    public AdherenceService.AdherenceView adherence() {
        return adherence.forPatient(caller.userId());
    }
}
