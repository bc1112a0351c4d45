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

/** A clinic's image and video for an exercise or education card (its own or a shipped one). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class MediaAttachmentResource {

    @Inject
    MediaLibrary library;

    @GET
    @Path("/exercises/{exerciseId}/media")
    public MediaViews.Attachments exerciseMedia(@PathParam("exerciseId") UUID exerciseId) {
        return library.list(MediaLibrary.Target.EXERCISE, exerciseId);
    }

    @PUT
    @Path("/exercises/{exerciseId}/media")
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaViews.Attachments attachToExercise(@PathParam("exerciseId") UUID exerciseId,
                                                   @Valid @NotNull MediaViews.AttachMedia request) {
        return library.attach(MediaLibrary.Target.EXERCISE, exerciseId, request.mediaId());
    }

    @DELETE
    @Path("/exercises/{exerciseId}/media/{kind}")
    public void detachFromExercise(@PathParam("exerciseId") UUID exerciseId, @PathParam("kind") AcceptedType.Kind kind) {
        library.detach(MediaLibrary.Target.EXERCISE, exerciseId, kind);
    }

    @GET
    @Path("/education-cards/{cardId}/media")
    public MediaViews.Attachments cardMedia(@PathParam("cardId") UUID cardId) {
        return library.list(MediaLibrary.Target.EDUCATION_CARD, cardId);
    }

    @PUT
    @Path("/education-cards/{cardId}/media")
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaViews.Attachments attachToCard(@PathParam("cardId") UUID cardId,
                                               @Valid @NotNull MediaViews.AttachMedia request) {
        return library.attach(MediaLibrary.Target.EDUCATION_CARD, cardId, request.mediaId());
    }

    @DELETE
    @Path("/education-cards/{cardId}/media/{kind}")
    public void detachFromCard(@PathParam("cardId") UUID cardId, @PathParam("kind") AcceptedType.Kind kind) {
        library.detach(MediaLibrary.Target.EDUCATION_CARD, cardId, kind);
    }
}
