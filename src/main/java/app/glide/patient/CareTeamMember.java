package app.glide.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A therapist who may see and treat a patient. The primary therapist is always one. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "added_by")
    public UUID addedBy;

    public static CareTeamMember of(UUID patientId, UUID therapistId, UUID addedBy, Instant now) {
        CareTeamMember m = new CareTeamMember();
        m.id = new Key(patientId, therapistId);
        m.addedAt = now;
        m.addedBy = addedBy;
        return m;
    }

    @Embeddable
    public record Key(@Column(name = "patient_id") UUID patientId,
                      @Column(name = "therapist_id") UUID therapistId) implements Serializable {
    }
}
