package app.glide.audit;

import app.glide.access.Role;
import app.glide.audit.AuditTrail.AuditEventView;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The clinic's audit trail for its admins (read-only; the table is append-only). */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public Page<AuditEventView> list(@QueryParam("cursor") @Size(max = 512) String cursor,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit,
                                     @QueryParam("entityType") @Size(max = 64) String entityType,
                                     @QueryParam("entityId") @Size(max = 64) String entityId) {
        return trail.page(cursor, limit, entityType, entityId);
    }
}
