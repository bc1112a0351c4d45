package app.glide.outcome;

import app.glide.access.Role;
import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A patient's outcome measures for the care team: the instruments scheduled (therapists on the
 * care team change them; the clinic's admins read them) and the scores per instrument. Anyone else
 * gets 404, as for every patient path.
 */
@PatientWrites
@Path("/v1/patients/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
public class PatientOutcomeResource {

    @Inject
    OutcomeSchedules schedules;

    @Inject
    QuestionnaireResponses responses;

    @PUT
    @Path("/outcome-schedules/{instrumentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response schedule(@PathParam("patientId") UUID patientId, @PathParam("instrumentId") String instrumentId,
                             @Valid @NotNull OutcomeDtos.ScheduleRequest request) {
        OutcomeSchedules.Saved saved = schedules.put(patientId, instrumentId, request);
        return Response.status(saved.created() ? 201 : 200).entity(saved.view()).build();
    }

    @GET
    @PatientDataRead(AccessedData.OUTCOMES)
    @Path("/outcome-schedules")
    @RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
    public OutcomeDtos.ScheduleList schedules(@PathParam("patientId") UUID patientId) {
        return new OutcomeDtos.ScheduleList(patientId, schedules.list(patientId));
    }

    @DELETE
    @Path("/outcome-schedules/{instrumentId}")
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response unschedule(@PathParam("patientId") UUID patientId, @PathParam("instrumentId") String instrumentId) {
        schedules.delete(patientId, instrumentId);
        return Response.noContent().build();
    }

    @GET
    @PatientDataRead(AccessedData.OUTCOMES)
    @Path("/outcomes")
    @RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
    public OutcomeDtos.PatientOutcomes outcomes(@PathParam("patientId") UUID patientId) {
        return responses.forPatient(patientId);
    }
}
