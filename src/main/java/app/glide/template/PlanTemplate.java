package app.glide.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clinic protocol (acute, subacute, return to activity) a therapist starts a plan from. */
@Entity
@Table(name = "plan_template")
public class PlanTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String phase;

    @Column(nullable = false)
    public String description;

    /** JSON array of items naming exercises by library slug. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String items;

    @Column(name = "library_version", nullable = false)
    public int libraryVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
