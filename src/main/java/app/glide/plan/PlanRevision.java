package app.glide.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a plan: the whole content, who made it, when and why. */
@Entity
@Immutable
@Table(name = "plan_revision")
public class PlanRevision extends PanacheEntityBase {

    public enum Kind {
        CREATED, REPLACED, ADJUSTED, RESTORED
    }

    @EmbeddedId
    public Key id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_by_role", nullable = false)
    public String createdByRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String reason;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    /** JSON array of sentences. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;

    /** JSON of {@link PlanContent}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String content;

    /** The visit this revision was written at or after (visit/VisitLinks checks it); null when none. */
    @Column(name = "visit_id")
    public UUID visitId;

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "revision") int revision)
            implements Serializable {
    }
}
