package app.glide.media;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Uploads by the care team: ask for one, confirm it, look at it (docs/media.md). */
@Path("/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class MediaResource {

    @Inject
    MediaUploads uploads;

    @Inject
    MediaLinks links;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull MediaViews.CreateMedia request) {
        MediaViews.UploadTicket ticket = uploads.create(request);
        return Response.created(URI.create("/v1/media/" + ticket.media().id())).entity(ticket).build();
    }

    @POST
    @Path("/{mediaId}/complete")
    public MediaViews.MediaView complete(@PathParam("mediaId") UUID mediaId) {
        MediaUploads.Completion done = uploads.complete(mediaId);
        if (done.refusal() != null) {
            throw done.refusal();
        }
        return done.media();
    }

    @GET
    @Path("/{mediaId}")
    public MediaViews.MediaView get(@PathParam("mediaId") UUID mediaId) {
        return links.get(mediaId);
    }
}
