package app.glide.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The morning after a session: is the pain better, the same or worse than before it? */
@Entity
@Table(name = "morning_check")
@IdClass(MorningCheck.Key.class)
public class MorningCheck extends PanacheEntityBase {

    /** The primary key: a session is identified by its patient and its id. */
    public record Key(UUID patientId, UUID sessionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String answer;

    @Column(nullable = false)
    public short pain;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
