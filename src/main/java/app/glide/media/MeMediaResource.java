package app.glide.media;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The patient's phone: a fresh download URL for one media item of its plan (when the manifest's URLs expired). */
@Path("/v1/me/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeMediaResource {

    @Inject
    MediaLinks links;

    @GET
    @Path("/{mediaId}")
    public MediaViews.Download download(@PathParam("mediaId") UUID mediaId) {
        return links.myDownload(mediaId);
    }
}
