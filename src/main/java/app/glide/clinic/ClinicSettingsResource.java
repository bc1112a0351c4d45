package app.glide.clinic;

import app.glide.access.Role;
import app.glide.clinic.ClinicSettingsService.SettingsRequest;
import app.glide.clinic.ClinicSettingsService.SettingsView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The clinic's alert thresholds, red-flag message and contact numbers. The contact fields
 * (phone, country, emergencyNumber) are optional in a PUT: absent keeps the current value,
 * an empty string clears it, so older clients that do not know them never wipe them.
 */
@Path("/v1/clinic/settings")
@Produces(MediaType.APPLICATION_JSON)
public class ClinicSettingsResource {

    @Inject
    ClinicSettingsService settings;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public SettingsView get() {
        return settings.get();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public SettingsView put(@Valid @NotNull SettingsRequest r) {
        return settings.put(r);
    }
}
