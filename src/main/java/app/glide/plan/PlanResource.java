package app.glide.plan;

import app.glide.access.Role;
import app.glide.plan.PlanViews.PlanSummary;
import app.glide.plan.PlanViews.RevisionView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** A patient's plan, for the care team (writes) and the clinic admin (reads). */
@PatientWrites
@Path("/v1/patients/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class PlanResource {

    @Inject
    PlanQueries plans;

    @Inject
    PlanCommands commands;

    @GET
    @PatientDataRead(AccessedData.PLAN)
    @Path("/plan")
    public Response get(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ServedPlan served = plans.current(patientId);
        if (served.etag().matchesAny(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, served.etag().header()).build();
        }
        return withEtag(Response.ok(served.view()), served);
    }

    @PUT
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response replace(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PlanDtos.PlanRequest request) {
        ServedPlan served = commands.replace(patientId, ifMatch, request);
        return withEtag(Response.status(served.view().revision() == 1 ? 201 : 200).entity(served.view()), served);
    }

    @POST
    @Path("/plan/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response adjust(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanDtos.AdjustmentRequest request) {
        ServedPlan served = commands.adjust(patientId, ifMatch, request);
        return withEtag(Response.ok(served.view()), served);
    }

    @GET
    @PatientDataRead(AccessedData.PLAN_HISTORY)
    @Path("/plan/revisions")
    public Page<RevisionView> revisions(@PathParam("patientId") UUID patientId,
                                        @QueryParam("cursor") @Size(max = 512) String cursor,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return plans.revisions(patientId, cursor, limit);
    }

    @POST
    @Path("/plan/revisions/{revision}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response restore(@PathParam("patientId") UUID patientId, @PathParam("revision") @Min(1) int revision,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PlanDtos.ReasonRequest request) {
        ServedPlan served = commands.restore(patientId, revision, ifMatch, request.reason());
        return withEtag(Response.ok(served.view()), served);
    }

    @POST
    @Path("/plan/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public void end(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                    @Valid @NotNull PlanDtos.ReasonRequest request) {
        commands.end(patientId, ifMatch, request.reason());
    }

    @GET
    @PatientDataRead(AccessedData.PLAN_HISTORY)
    @Path("/plans")
    public List<PlanSummary> history(@PathParam("patientId") UUID patientId) {
        return plans.plans(patientId);
    }

    static Response withEtag(Response.ResponseBuilder builder, ServedPlan served) {
        return builder.header(HttpHeaders.ETAG, served.etag().header()).build();
    }
}
