package app.glide.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A therapist's feedback on a session; the patient sees it in their session list. */
@Entity
@Table(name = "session_comment")
public class SessionComment extends PanacheEntityBase {

    @Id
    public UUID id;

    /** With the session id, the commented session (session ids are unique per patient). */
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
