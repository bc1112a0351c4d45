package app.glide.audit;

import app.glide.access.Caller;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the clinic's audit trail for its admins, newest first, keyset-paged. */
@ApplicationScoped
public class AuditTrail {

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

    /** One page of the caller's clinic's events, optionally of one entity type and id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEventView> page(String cursor, int limit, String entityType, String entityId) {
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
