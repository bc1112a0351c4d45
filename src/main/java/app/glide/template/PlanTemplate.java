package app.glide.template;

import app.glide.db.LibraryRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clinic protocol (acute, subacute, return to activity) a therapist starts a plan from. */
@Entity
@Table(name = "plan_template")
public class PlanTemplate extends LibraryRow {

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
}
