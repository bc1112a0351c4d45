package app.glide.education;

import app.glide.db.LibraryRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A short patient-facing explainer (markdown). Shipped (clinicId null) or a clinic's own; insert-only. */
@Entity
@Table(name = "education_card")
public class EducationCard extends LibraryRow {

    public static final String FLARE_UP = "flare-up";

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Column(name = "created_by")
    public UUID createdBy;

    /**
     * The language the row's own text is written in: null for what Glide ships (English), the
     * clinic's default locale at creation for a clinic's own (V25).
     */
    @Column(name = "original_locale")
    public String originalLocale;
}
