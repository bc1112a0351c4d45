package app.glide.reminder;

import app.glide.access.Role;
import app.glide.web.PatientWrites;
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
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The patient's phones, for push notifications. */
@PatientWrites
@Path("/v1/me/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class DeviceResource {

    @Inject
    Devices devices;

    @PUT
    @Path("/{installationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("installationId") UUID installationId,
                             @Valid @NotNull ReminderDtos.DeviceRequest request) {
        PushTokens.require(request.platform(), request.pushToken());
        Devices.Registered r = devices.register(installationId, request);
        return Response.status(r.created() ? 201 : 200).entity(r.view()).build();
    }

    @GET
    public ReminderDtos.DeviceList list() {
        return new ReminderDtos.DeviceList(devices.mine());
    }

    @DELETE
    @Path("/{installationId}")
    public Response remove(@PathParam("installationId") UUID installationId) {
        devices.remove(installationId);
        return Response.noContent().build();
    }
}
