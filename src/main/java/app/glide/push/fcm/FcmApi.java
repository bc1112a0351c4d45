package app.glide.push.fcm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * FCM HTTP v1 send (https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send).
 * No class-level {@code @Path}: security/EndpointInventoryTest reads those as this service's own resources.
 */
public interface FcmApi {

    @POST
    @Path("/v1/projects/{project}/messages:send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("project") String project, @HeaderParam("Authorization") String authorization,
            String message);
}
