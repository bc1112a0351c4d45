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

/** The clinic's image and video for an education card (its own or a shipped one); see {@link MediaLibrary}. */
@Path("/v1/education-cards/{cardId}/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class EducationCardMediaResource {

    @Inject
    MediaLibrary library;

    @GET
    public MediaViews.Attachments list(@PathParam("cardId") UUID id) {
        return library.list(MediaLibrary.Target.EDUCATION_CARD, id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaViews.Attachments attach(@PathParam("cardId") UUID id, @Valid @NotNull MediaViews.AttachMedia request) {
        return library.attach(MediaLibrary.Target.EDUCATION_CARD, id, request.mediaId());
    }

    @DELETE
    @Path("/{kind}")
    public void detach(@PathParam("cardId") UUID id, @PathParam("kind") AcceptedType.Kind kind) {
        library.detach(MediaLibrary.Target.EDUCATION_CARD, id, kind);
    }
}
