package app.glide.alert;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.audit.AuditLog;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import app.glide.web.PatientLocks;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Raising alerts (inside the transaction of what caused them) and the care team's alert
 * inbox. Raising is an INSERT ... ON CONFLICT DO NOTHING against two unique indexes, so
 * the same cause never raises twice and a patient has at most one unresolved alert of a
 * kind — whichever replica or job gets there first. De-duplication must not hide a
 * patient getting worse: when the unresolved alert's kind can escalate, its row is locked
 * (so raisers on every replica take turns and each compares with the state the previous
 * one left) and, when {@link AlertEscalation} finds the new signal worse, the alert is
 * reopened and escalated.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    AuditLog audit;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    Event<AlertChanged> changed;

    @Inject
    PatientLocks locks;

    @Inject
    Clock clock;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertView(UUID id, UUID patientId, String patientName, AlertKind kind, AlertKind.Severity severity,
                            Alert.Status status, String message, Map<String, Object> details, Instant createdAt,
                            Instant acknowledgedAt, UUID acknowledgedBy, Instant resolvedAt, UUID resolvedBy,
                            String resolutionNote, Instant escalatedAt, int escalations) {
    }

    private static final TypeReference<Map<String, Object>> DETAILS =
            new TypeReference<>() {
            };

    /** The unresolved alert of a kind, and whether this cause already raised an alert of the kind. */
    private record Open(UUID id, String details, boolean causeSeen) {
    }

    /**
     * Raises the alert unless this cause already did, or one of the kind is still
     * unresolved; in that case escalates the unresolved one when the new signal is worse
     * (see {@link AlertEscalation}). True when an alert was raised or escalated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(UUID clinicId, UUID patientId, AlertKind kind, String cause, String message,
                         Map<String, Object> details, boolean bySystem) {
        // Twice at most: the unresolved alert that blocked the insert may be resolved before we lock it.
        for (int attempt = 0; attempt < 2; attempt++) {
            UUID id = UUID.randomUUID();
            int inserted = sql.update("""
                    insert into alert (id, clinic_id, patient_id, kind, severity, status, cause, message, details, created_at)
                    values (?, ?, ?, ?, ?, 'OPEN', ?, ?, cast(? as jsonb), ?)
                    on conflict do nothing""",
                    id, clinicId, patientId, kind.name(), kind.severity.name(), cause, message, json.write(details), clock.instant());
            if (inserted == 1) {
                Map<String, Object> what = Map.of("kind", kind.name(), "patientId", patientId.toString(), "cause", cause);
                record(clinicId, id, "raised", what, bySystem);
                changed.fire(new AlertChanged(patientId, kind, true));
                return true;
            }
            if (!AlertEscalation.canEscalate(kind)) {
                return false;
            }
            Optional<Open> open = sql.first("""
                    select a.id, a.details::text,
                           exists (select 1 from alert c where c.patient_id = a.patient_id and c.kind = a.kind and c.cause = ?)
                    from alert a where a.patient_id = ? and a.kind = ? and a.status <> 'RESOLVED'
                    for update of a""",
                    rs -> new Open(Sql.uuid(rs, 1), rs.getString(2), rs.getBoolean(3)),
                    cause, patientId, kind.name());
            if (open.isPresent()) {
                boolean escalated = !open.get().causeSeen()
                        && escalate(clinicId, patientId, kind, cause, message, details, bySystem, open.get());
                if (escalated) {
                    changed.fire(new AlertChanged(patientId, kind, true));
                }
                return escalated;
            }
        }
        return false;
    }

    private boolean escalate(UUID clinicId, UUID patientId, AlertKind kind, String cause, String message,
                             Map<String, Object> details, boolean bySystem, Open open) {
        Map<String, Object> before = open.details() == null ? Map.of() : json.read(open.details(), DETAILS);
        Optional<AlertEscalation.Escalation> worse = AlertEscalation.worse(kind, before, message, details);
        if (worse.isEmpty()) {
            return false;
        }
        int escalations = sql.first("""
                update alert set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, message = ?,
                    details = cast(? as jsonb), escalated_at = ?, escalations = escalations + 1
                where id = ? returning escalations""",
                rs -> rs.getInt(1), worse.get().message(), json.write(worse.get().details()), clock.instant(), open.id())
                .orElseThrow();
        Map<String, Object> what = Map.of("kind", kind.name(), "patientId", patientId.toString(), "cause", cause,
                "escalations", escalations);
        record(clinicId, open.id(), "escalated", what, bySystem);
        return true;
    }

    private void record(UUID clinicId, UUID alertId, String action, Map<String, Object> what, boolean bySystem) {
        if (bySystem) {
            audit.recordAs(clinicId, null, AuditLog.SYSTEM, "alert", alertId, action, what);
        } else {
            audit.record("alert", alertId, action, what);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AlertView> list(Alert.Status status, UUID patientId, String cursor, int limit) {
        StringBuilder q = new StringBuilder("select a, u.displayName from Alert a, UserAccount u where u.id = a.patientId and a.clinicId = :clinic");
        Parameters p = Parameters.with("clinic", caller.clinicId());
        if (caller.is(Role.THERAPIST)) {
            q.append(" and exists (select 1 from CareTeamMember m where m.id.patientId = a.patientId and m.id.therapistId = :me)");
            p.and("me", caller.userId());
        }
        if (patientId != null) {
            access.require(patientId);
            q.append(" and a.patientId = :patient");
            p.and("patient", patientId);
        }
        if (status != null) {
            q.append(" and a.status = :status");
            p.and("status", status);
        } else {
            q.append(" and a.status <> :resolved");
            p.and("resolved", Alert.Status.RESOLVED);
        }
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        if (after.isPresent()) {
            q.append(" and (a.createdAt < :t or (a.createdAt = :t and a.id < :id))");
            p.and("t", after.get().instant()).and("id", after.get().uuid());
        }
        q.append(" order by a.createdAt desc, a.id desc");
        var query = Panache.getEntityManager().createQuery(q.toString(), Object[].class);
        p.map().forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return Page.of(rows, limit, r -> view((Alert) r[0], (String) r[1]),
                r -> new PageCursor(((Alert) r[0]).createdAt.toString(), ((Alert) r[0]).id.toString()));
    }

    public AlertView acknowledge(UUID alertId) {
        Alert a = require(alertId);
        if (a.status == Alert.Status.RESOLVED) {
            throw ApiProblem.conflict("alert-resolved", "Alert already resolved", "A resolved alert cannot be acknowledged.");
        }
        if (a.status == Alert.Status.OPEN) {
            a.status = Alert.Status.ACKNOWLEDGED;
            a.acknowledgedAt = clock.instant();
            a.acknowledgedBy = caller.userId();
            audit.record("alert", a.id, "acknowledged", Map.of("kind", a.kind.name()));
        }
        return view(a, null);
    }

    public AlertView resolve(UUID alertId, String note) {
        // Resolving a signal may lift holds, a plan change: the patient's lock before the alert
        // row's, the order every writer of the patient keeps (see PatientLocks). Unknown ids
        // take no lock and are answered by require().
        sql.first("select patient_id from alert where id = ? and clinic_id = ?", rs -> Sql.uuid(rs, 1),
                alertId, caller.clinicId()).ifPresent(locks::lock);
        Alert a = require(alertId);
        if (a.status != Alert.Status.RESOLVED) {
            Instant now = clock.instant();
            if (a.acknowledgedAt == null) {
                a.acknowledgedAt = now;
                a.acknowledgedBy = caller.userId();
            }
            a.status = Alert.Status.RESOLVED;
            a.resolvedAt = now;
            a.resolvedBy = caller.userId();
            a.resolutionNote = note;
            audit.record("alert", a.id, "resolved", note == null ? Map.of("kind", a.kind.name())
                    : Map.of("kind", a.kind.name(), "noteLength", note.length())); // free text stays out of the audit trail
            Panache.getEntityManager().flush();
            changed.fire(new AlertChanged(a.patientId, a.kind, false));
        }
        return view(a, null);
    }

    /** An alert of a patient the caller may see, else 404. */
    private Alert require(UUID alertId) {
        Alert a = Alert.<Alert>find("id = ?1 and clinicId = ?2", alertId, caller.clinicId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (a == null) {
            throw ApiProblem.notFound("alert", alertId);
        }
        try {
            access.require(a.patientId);
        } catch (ApiProblem notVisible) {
            throw ApiProblem.notFound("alert", alertId);
        }
        return a;
    }

    private AlertView view(Alert a, String patientName) {
        return new AlertView(a.id, a.patientId, patientName, a.kind, a.severity, a.status, a.message, a.details,
                a.createdAt, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.resolutionNote,
                a.escalatedAt, a.escalations);
    }

}
