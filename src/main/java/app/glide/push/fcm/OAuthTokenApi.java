package app.glide.push.fcm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Google's OAuth 2.0 token endpoint (the service account's {@code token_uri}), JWT-bearer grant. */
public interface OAuthTokenApi {

    String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@FormParam("grant_type") String grantType, @FormParam("assertion") String assertion);
}
