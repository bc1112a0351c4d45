package app.glide.patient;

import app.glide.access.Role;
import app.glide.patient.PatientDtos.CareTeamView;
import app.glide.patient.PatientDtos.EnrolmentCodeView;
import app.glide.patient.PatientDtos.PatientCreated;
import app.glide.patient.PatientDtos.PatientView;
import app.glide.web.Page;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@PatientWrites
@Path("/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
public class PatientResource {

    @Inject
    PatientService patients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response create(@Valid @NotNull PatientDtos.CreatePatientRequest request) {
        PatientService.Created c = patients.create(request);
        PatientCreated body = new PatientCreated(PatientView.of(c.patient()), EnrolmentCodeView.of(c.code()));
        return Response.created(URI.create("/v1/patients/" + c.patient().id)).entity(body).build();
    }

    @GET
    public Page<PatientView> list(@QueryParam("cursor") @Size(max = 512) String cursor,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit,
                                  @QueryParam("status") PatientStatus status) {
        return patients.list(cursor, limit, status);
    }

    @GET
    @Path("/{patientId}")
    public PatientView get(@PathParam("patientId") UUID patientId) {
        return PatientView.of(patients.get(patientId));
    }

    @PATCH
    @Path("/{patientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatientView update(@PathParam("patientId") UUID patientId,
                              @Valid @NotNull PatientDtos.UpdatePatientRequest request) {
        return patients.update(patientId, request);
    }

    @POST
    @Path("/{patientId}/enrolment-code")
    public Response issueCode(@PathParam("patientId") UUID patientId) {
        return Response.status(Response.Status.CREATED)
                .entity(EnrolmentCodeView.of(patients.issueCode(patientId))).build();
    }

    @GET
    @Path("/{patientId}/care-team")
    public CareTeamView careTeam(@PathParam("patientId") UUID patientId) {
        return patients.careTeam(patientId);
    }

    @PUT
    @Path("/{patientId}/care-team/{therapistId}")
    public CareTeamView addMember(@PathParam("patientId") UUID patientId, @PathParam("therapistId") UUID therapistId) {
        return patients.addToCareTeam(patientId, therapistId);
    }

    @DELETE
    @Path("/{patientId}/care-team/{therapistId}")
    public void removeMember(@PathParam("patientId") UUID patientId, @PathParam("therapistId") UUID therapistId) {
        patients.removeFromCareTeam(patientId, therapistId);
    }
}
