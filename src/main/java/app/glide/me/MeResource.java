package app.glide.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import app.glide.access.Caller;
import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

    /** The caller's own settings: for now the language ({@code locale}; null clears it). */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME, Role.PATIENT_NAME})
    public MeView patch(@Valid @NotNull MeUpdate update) {
        return me.setLocale(caller.userId(), update.locale());
    }

    /** PATCH /v1/me: {@code locale} a BCP 47 tag, or null to clear it. */
    public record MeUpdate(@JsonProperty(required = true) String locale) {
    }
}
