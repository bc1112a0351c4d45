package app.glide.patient;

import app.glide.access.UserAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient of a clinic. The id is the patient's user id and never changes, whatever
 * happens to their plans or devices.
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "id")
    public UserAccount account;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "primary_therapist_id", nullable = false)
    public UUID primaryTherapistId;

    /** IANA zone; decides the patient's "today" and adherence days. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatientStatus status;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    /** When the patient was erased (issue 17; erasure/), or null. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The name the record carries after erasure, or null. */
    @Column(name = "pseudonym")
    public String pseudonym;
}
