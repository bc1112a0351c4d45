package app.glide.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertKind.Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String cause;

    @Column(nullable = false)
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public UUID acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public UUID resolvedBy;

    @Column(name = "resolution_note")
    public String resolutionNote;

    /** When a worse signal last reopened this alert (null if it never did). */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** How often a worse signal reopened this alert. */
    @Column(nullable = false)
    public int escalations;
}
