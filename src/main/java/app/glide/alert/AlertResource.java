package app.glide.alert;

import app.glide.access.Role;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class AlertResource {

    @Inject
    AlertService alerts;

    public record ResolveRequest(@Size(max = 1000) String note) {
    }

    @GET
    public Page<AlertService.AlertView> list(@QueryParam("status") Alert.Status status,
                                             @QueryParam("patientId") UUID patientId,
                                             @QueryParam("cursor") @Size(max = 512) String cursor,
                                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        return alerts.list(status, patientId, cursor, limit);
    }

    @POST
    @Path("/{alertId}/acknowledge")
    @RolesAllowed(Role.THERAPIST_NAME)
    public AlertService.AlertView acknowledge(@PathParam("alertId") UUID alertId) {
        return alerts.acknowledge(alertId);
    }

    @POST
    @Path("/{alertId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.THERAPIST_NAME)
    public AlertService.AlertView resolve(@PathParam("alertId") UUID alertId, ResolveRequest request) {
        return alerts.resolve(alertId, request == null ? null : request.note());
    }
}
