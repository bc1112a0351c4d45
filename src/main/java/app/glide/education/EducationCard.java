package app.glide.education;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A short patient-facing explainer (markdown). Shipped (clinicId null) or a clinic's own; insert-only. */
@Entity
@Table(name = "education_card")
public class EducationCard extends PanacheEntityBase {

    public static final String FLARE_UP = "flare-up";

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
