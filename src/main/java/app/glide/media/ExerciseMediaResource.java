package app.glide.media;

import app.glide.access.Role;
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
import java.util.UUID;

/** The clinic's image and video for an exercise (its own or a shipped one); see {@link MediaLibrary}. */
@Path("/v1/exercises/{exerciseId}/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class ExerciseMediaResource {

    @Inject
    MediaLibrary library;

    @GET
    public MediaViews.Attachments list(@PathParam("exerciseId") UUID id) {
        return library.list(MediaLibrary.Target.EXERCISE, id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaViews.Attachments attach(@PathParam("exerciseId") UUID id, @Valid @NotNull MediaViews.AttachMedia request) {
        return library.attach(MediaLibrary.Target.EXERCISE, id, request.mediaId());
    }

    @DELETE
    @Path("/{kind}")
    public void detach(@PathParam("exerciseId") UUID id, @PathParam("kind") AcceptedType.Kind kind) {
        library.detach(MediaLibrary.Target.EXERCISE, id, kind);
    }
}
