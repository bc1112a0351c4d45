package app.glide.auth;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A clinic admin issues a one-time password reset token for a staff member of their clinic. */
@Path("/v1/staff/{userId}/password-reset")
@Produces(MediaType.APPLICATION_JSON)
public class StaffPasswordResetResource {

    @Inject
    PasswordResets resets;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response issue(@PathParam("userId") UUID userId) {
        PasswordResets.Issued issued = resets.issue(userId);
        return Response.status(Response.Status.CREATED)
                .entity(new AuthDtos.PasswordResetTokenResponse(issued.token(), issued.expiresAt())).build();
    }
}
