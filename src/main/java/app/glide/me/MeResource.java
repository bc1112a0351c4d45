package app.glide.me;

import app.glide.access.Caller;
import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    MeService me;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME, Role.PATIENT_NAME})
    public MeView get() {
        return me.view(caller.userId());
    }
}
