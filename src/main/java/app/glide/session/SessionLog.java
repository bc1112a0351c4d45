package app.glide.session;

import app.glide.symptom.SymptomChange;
import app.glide.symptom.SymptomExtent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One exercise session as the patient logged it. Inserted by native upsert (idempotency), read as an entity.
 * The app's id is unique per patient, not globally: the key is (patient, id), so another
 * patient's id is a new session for this patient and an upload never tells whether an id exists.
 */
@Entity
@Table(name = "session_log")
@IdClass(SessionLog.Key.class)
public class SessionLog extends PanacheEntityBase {

    /** The primary key: the patient and the app's id for the session. */
    public record Key(UUID patientId, UUID id) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID id;

    @Id
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "plan_revision", nullable = false)
    public int planRevision;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @Column(name = "utc_offset_minutes", nullable = false)
    public int utcOffsetMinutes;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "pain_before", nullable = false)
    public short painBefore;

    @Column(name = "pain_peak", nullable = false)
    public short painPeak;

    @Column(name = "pain_after", nullable = false)
    public short painAfter;

    @Column(nullable = false)
    public short difficulty;

    @Enumerated(EnumType.STRING)
    @Column(name = "symptom_extent", nullable = false)
    public SymptomExtent symptomExtent;

    @Enumerated(EnumType.STRING)
    @Column(name = "symptom_change")
    public SymptomChange symptomChange;

    @Column(nullable = false, precision = 5, scale = 4)
    public BigDecimal completion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String items;

    public String note;

    @Column(name = "body_hash", nullable = false)
    public byte[] bodyHash;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
