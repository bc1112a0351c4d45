package app.glide.audit;

import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.web.RequestIds;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records writes in the audit trail, inside the caller's transaction: the event and the
 * change commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "SYSTEM";
    public static final String ANONYMOUS = "ANONYMOUS";

    @Inject
    RequestIds requestIds;

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    @Inject
    Clock clock;

    /** A write by the authenticated caller of the current request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, Map<String, Object> details) {
        write(caller.clinicId(), caller.userId(), caller.role().name(), entityType, entityId, action, details);
    }

    /** A write whose actor is known but not (yet) authenticated: login, enrolment, refresh. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(UUID clinicId, UUID actorUserId, String actorRole, String entityType, Object entityId,
                         String action, Map<String, Object> details) {
        write(clinicId, actorUserId, actorRole, entityType, entityId, action, details);
    }

    private void write(UUID clinicId, UUID actorUserId, String actorRole, String entityType, Object entityId,
                       String action, Map<String, Object> details) {
        String requestId = Arc.container().requestContext().isActive() ? requestIds.current() : null;
        sql.update("""
                insert into audit_event (occurred_at, clinic_id, actor_user_id, actor_role, entity_type, entity_id,
                    action, request_id, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                clock.instant(), clinicId, actorUserId, actorRole, entityType, String.valueOf(entityId), action, requestId,
                details == null || details.isEmpty() ? null : json.write(details));
    }
}
