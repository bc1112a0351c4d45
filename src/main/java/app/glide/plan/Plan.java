package app.glide.plan;

import app.glide.web.ApiProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient's plan; its content is in {@link PlanRevision}s. One ACTIVE plan per patient. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    /** Stored and sent by name ({@code ACTIVE}, {@code ENDED}), as the column's check constraint allows. */
    public enum Status {
        ACTIVE, ENDED
    }

    public static final Status ACTIVE = Status.ACTIVE;
    public static final Status ENDED = Status.ENDED;

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

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
    public LocalDate flareStartedOn;

    public static Plan activeFor(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, ACTIVE).firstResult();
    }

    /** The answer to any read or change of a patient's plan while they have no active one. */
    public static ApiProblem noActivePlan() {
        return new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
    }
}
