package app.glide.message;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.message.MessageDtos.MessagePage;
import app.glide.message.MessageDtos.MessageRequest;
import app.glide.message.MessageDtos.MessageView;
import app.glide.message.MessageDtos.ReadRequest;
import app.glide.message.MessageDtos.ReadState;
import app.glide.patient.PatientAccess;
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
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A patient's conversation for the care team. Therapists on the care team read and write, each
 * with their own read marker; clinic admins read (the unread count is then against no marker).
 */
@PatientWrites
@Path("/v1/patients/{patientId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class PatientMessageResource {

    @Inject
    MessageCommands commands;

    @Inject
    Conversation conversation;

    @Inject
    PatientAccess access;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public Response send(@PathParam("patientId") UUID patientId, @Valid @NotNull MessageRequest request) {
        MessageText.check(request.body());
        MessageView sent = commands.sendAsTherapist(patientId, request.body());
        return Response.status(201).entity(sent).build();
    }

    @GET
    @PatientDataRead(AccessedData.MESSAGES)
    @RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
    public MessagePage list(@PathParam("patientId") UUID patientId, @QueryParam("since") OffsetDateTime since,
                            @QueryParam("cursor") @Size(max = 512) String cursor,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        UUID id = access.require(patientId).id;
        return conversation.page(id, caller.userId(), false, since == null ? null : since.toInstant(), cursor, limit);
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public ReadState read(@PathParam("patientId") UUID patientId, @Valid @NotNull ReadRequest request) {
        MessageReads.check(request);
        return commands.markRead(patientId, false, request);
    }
}
