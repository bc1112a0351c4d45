package app.glide.visit;

import app.glide.access.Role;
import app.glide.web.AccessedData;
import app.glide.web.Page;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** A patient's visits: recorded and amended by the care team, read by it and the clinic admin. */
@PatientWrites
@Path("/v1/patients/{patientId}/visits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class VisitResource {

    @Inject
    VisitCommands commands;

    @Inject
    VisitQueries visits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response record(@PathParam("patientId") UUID patientId, @Valid @NotNull VisitDtos.VisitRequest request) {
        VisitQueries.Served served = commands.record(patientId, request);
        return Response.created(URI.create("/v1/patients/" + patientId + "/visits/" + served.view().id()))
                .header(HttpHeaders.ETAG, served.etag()).entity(served.view()).build();
    }

    @GET
    @PatientDataRead(AccessedData.VISITS)
    public Page<VisitDtos.VisitSummary> list(@PathParam("patientId") UUID patientId,
                                             @QueryParam("cursor") @Size(max = 512) String cursor,
                                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return visits.list(patientId, cursor, limit);
    }

    @GET
    @PatientDataRead(AccessedData.VISITS)
    @Path("/{visitId}")
    public Response get(@PathParam("patientId") UUID patientId, @PathParam("visitId") UUID visitId) {
        VisitQueries.Served served = visits.one(patientId, visitId);
        return Response.ok(served.view()).header(HttpHeaders.ETAG, served.etag()).build();
    }

    @POST
    @Path("/{visitId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response amend(@PathParam("patientId") UUID patientId, @PathParam("visitId") UUID visitId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull VisitDtos.AmendmentRequest request) {
        VisitQueries.Served served = commands.amend(patientId, visitId, ifMatch, request);
        return Response.ok(served.view()).header(HttpHeaders.ETAG, served.etag()).build();
    }
}
