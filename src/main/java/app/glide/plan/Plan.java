package app.glide.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A patient's plan; its content is in {@link PlanRevision}s. One ACTIVE plan per patient. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(nullable = false)
    public String status;

    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public UUID endedBy;

    /** Since when a flare-up is active (the current revision's {@code flare}), null when none is. */
    @Column(name = "flare_started_on")
    public java.time.LocalDate flareStartedOn;

    public static Plan activeFor(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, ACTIVE).firstResult();
    }
}
