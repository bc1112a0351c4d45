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

    // The erasure columns are written only by the database function erase_patient (V27; the
    // service's role has no INSERT or UPDATE on them): never by this entity, so a stale copy
    // flushed after an erasure cannot un-erase the patient.

    /** When the patient was erased (issue 17; erasure/), or null. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    public Instant erasedAt;

    /** The name the record carries after erasure, or null. */
    @Column(name = "pseudonym", insertable = false, updatable = false)
    public String pseudonym;

    /** Whether the erasure kept the clinical record; null until erased. */
    @Column(name = "clinical_records_retained", insertable = false, updatable = false)
    public Boolean clinicalRecordsRetained;
}
