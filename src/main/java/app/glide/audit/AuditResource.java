package app.glide.audit;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The clinic's audit trail for its admins (read-only; the table is append-only). */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Caller caller;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditEventView(long id, Instant occurredAt, UUID actorUserId, String actorRole, String entityType,
                                 String entityId, String action, String requestId, Map<String, Object> details) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.actorUserId, e.actorRole, e.entityType, e.entityId,
                    e.action, e.requestId, e.details);
        }
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEventView> list(@QueryParam("cursor") @Size(max = 512) String cursor,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit,
                                     @QueryParam("entityType") @Size(max = 64) String entityType,
                                     @QueryParam("entityId") @Size(max = 64) String entityId) {
        StringBuilder q = new StringBuilder("clinicId = :clinic");
        Parameters p = Parameters.with("clinic", caller.clinicId());
        if (entityType != null) {
            q.append(" and entityType = :type");
            p.and("type", entityType);
        }
        if (entityId != null) {
            q.append(" and entityId = :entity");
            p.and("entity", entityId);
        }
        Optional<PageCursor> after = PageCursor.decode(cursor);
        if (after.isPresent()) {
            q.append(" and id < :after");
            p.and("after", after.get().longId());
        }
        q.append(" order by id desc");
        return Page.of(AuditEvent.<AuditEvent>find(q.toString(), p).page(0, limit + 1).list(), limit,
                AuditEventView::of, e -> new PageCursor("", e.id.toString()));
    }
}
