package app.glide.reminder;

import app.glide.access.Role;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The patient's reminder preferences and the reminder schedule the phone turns into local notifications. */
@PatientWrites
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class ReminderResource {

    @Inject
    PreferenceStore preferences;

    @Inject
    ReminderQueries reminders;

    @GET
    @Path("/reminder-preferences")
    public ReminderDtos.PreferencesBody preferences() {
        return PreferenceRules.body(preferences.mine());
    }

    @PUT
    @Path("/reminder-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReminderDtos.PreferencesBody save(@Valid @NotNull ReminderDtos.PreferencesBody request) {
        ReminderPreferences p = PreferenceRules.of(request); // refusals before the transaction
        preferences.save(p);
        return PreferenceRules.body(p);
    }

    @GET
    @Path("/reminders")
    public ReminderDtos.ReminderList reminders(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reminders.mine(from, to);
    }
}
