package app.glide.message;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.message.MessageDtos.MessagePage;
import app.glide.message.MessageDtos.MessageRequest;
import app.glide.message.MessageDtos.ReadRequest;
import app.glide.message.MessageDtos.ReadState;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The patient's conversation with their care team, for the mobile app (written offline, replay-safe). */
@PatientWrites
@Path("/v1/me/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeMessageResource {

    private static final UUID NIL = new UUID(0, 0);

    @Inject
    MessageCommands commands;

    @Inject
    Conversation conversation;

    @Inject
    Caller caller;

    @PUT
    @Path("/{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("messageId") UUID messageId, @Valid @NotNull MessageRequest request) {
        if (NIL.equals(messageId)) {
            throw ApiProblem.invalidField("messageId", "must be a random UUID, not the nil UUID");
        }
        MessageText.check(request.body());
        MessageCommands.Sent sent = commands.sendAsPatient(messageId, request.body());
        return Response.status(sent.created() ? 201 : 200).entity(sent.result()).build();
    }

    @GET
    public MessagePage sync(@QueryParam("since") OffsetDateTime since,
                            @QueryParam("cursor") @Size(max = 512) String cursor,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return conversation.page(caller.userId(), caller.userId(), true, since == null ? null : since.toInstant(),
                cursor, limit);
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReadState read(@Valid @NotNull ReadRequest request) {
        MessageReads.check(request);
        return commands.markRead(caller.userId(), true, request);
    }
}
